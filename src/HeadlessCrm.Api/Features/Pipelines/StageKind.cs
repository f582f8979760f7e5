namespace HeadlessCrm.Api.Features.Pipelines;

/// <summary>An open stage keeps a deal in play; entering a won or lost stage closes it.</summary>
public enum StageKind
{
    Open,
    Won,
    Lost,
}
