namespace HeadlessCrm.Api.Features.Records;

/// <summary>A record's public shape has an id.</summary>
public interface IRecord
{
    Guid Id { get; }
}
