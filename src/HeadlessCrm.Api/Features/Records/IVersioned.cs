namespace HeadlessCrm.Api.Features.Records;

/// <summary>A representation that carries its row version, sent as the ETag header rather than in the body.</summary>
public interface IVersioned
{
    uint Version { get; }
}
