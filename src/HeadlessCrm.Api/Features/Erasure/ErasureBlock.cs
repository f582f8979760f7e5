namespace HeadlessCrm.Api.Features.Erasure;

/// <summary>An email address whose owner was erased and asked not to be imported again, kept only as a one-way hash.</summary>
public sealed class ErasureBlock
{
    public Guid WorkspaceId { get; set; }
    public required string EmailHash { get; init; }
    public DateTime CreatedAt { get; init; }
}
