using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Pipelines;

/// <summary>A pipeline's own fields; on create, also its stages in order.</summary>
public sealed record PipelineInput
{
    public string? Name { get; init; }
    /// <summary>Where the pipeline sorts among the workspace's pipelines; defaults to last.</summary>
    public int? Position { get; init; }
    /// <summary>Only on create: the stages in order. At least one open stage, one won and one lost.</summary>
    public StageInput[]? Stages { get; init; }

    public void Check(RuleCheck check, bool creating)
    {
        check.Required(Name, "name").Text(Name, "name", 200)
            .Must(Position is null or >= 0, "position", "Zero or more.");
        if (!creating)
        {
            check.Must(Stages is null, "stages", "Change stages through /pipelines/{id}/stages.");
            return;
        }
        var stages = Stages ?? [];
        check.Must(stages.Length is >= 3 and <= 50, "stages", "From 3 to 50 stages.")
            .Must(stages.Any(s => s.Kind is null or StageKind.Open), "stages", "At least one open stage.")
            .Must(stages.Any(s => s.Kind == StageKind.Won), "stages", "At least one won stage.")
            .Must(stages.Any(s => s.Kind == StageKind.Lost), "stages", "At least one lost stage.");
        for (var i = 0; i < stages.Length; i++) stages[i].Check(check, $"stages[{i}]");
    }
}
