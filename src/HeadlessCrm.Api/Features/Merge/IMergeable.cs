namespace HeadlessCrm.Api.Features.Merge;

/// <summary>A record type whose duplicates can be merged: a merged record points at its survivor.</summary>
public interface IMergeable
{
    Guid? MergedIntoId { get; set; }
}
