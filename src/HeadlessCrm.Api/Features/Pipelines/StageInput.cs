using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Pipelines;

/// <summary>A stage's fields: name, win probability (0–1), kind (open, won, lost) and place in the pipeline.</summary>
public sealed record StageInput
{
    public string? Name { get; init; }
    /// <summary>0–1; defaults to 1 for a won stage, 0 for a lost one, and must be given for an open one.</summary>
    public decimal? Probability { get; init; }
    /// <summary>Defaults to open.</summary>
    public StageKind? Kind { get; init; }
    /// <summary>Zero-based place among the pipeline's stages; defaults to last.</summary>
    public int? Position { get; init; }

    public StageInput WithDefaults() => this with
    {
        Kind = Kind ?? StageKind.Open,
        Probability = Probability ?? Kind switch { StageKind.Won => 1m, StageKind.Lost => 0m, _ => null },
    };

    public void Check(RuleCheck check, string prefix = "")
    {
        var at = prefix.Length == 0 ? "" : prefix + ".";
        var withDefaults = WithDefaults();
        check.Required(Name, at + "name").Text(Name, at + "name", 100)
            .Required(withDefaults.Probability, at + "probability")
            .Must(Probability is null or >= 0 and <= 1, at + "probability", "From 0 to 1.")
            .Must(Probability is null || decimal.Round(Probability.Value, 3) == Probability.Value, at + "probability", "At most three decimals.")
            .Must(Position is null or >= 0, at + "position", "Zero or more.");
    }
}
