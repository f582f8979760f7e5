namespace HeadlessCrm.Api.Features.Shared;

/// <summary>The record does not exist for the caller: absent, in another workspace or not visible to them (all look alike).</summary>
public sealed class RecordNotFoundException(string resource, Guid id) : Exception($"No {resource} with id {id}.")
{
    public string Resource { get; } = resource;
    public Guid Id { get; } = id;
}
