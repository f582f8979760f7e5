namespace HeadlessCrm.Api.Features.Merge;

/// <summary>The body of <c>POST /api/v1/{contacts|companies}/merge</c>.</summary>
public sealed record MergeInput
{
    public const int MaxMerged = 10;

    /// <summary>The record that stays.</summary>
    public Guid? SurvivorId { get; init; }

    /// <summary>The records merged into it (1 to 10): archived afterwards, pointing at the survivor.</summary>
    public Guid[]? MergedIds { get; init; }

    /// <summary>
    /// Which record's value a field takes (<c>{"lastName": "&lt;id&gt;", "customFields.tier": "&lt;id&gt;"}</c>). Fields not
    /// named keep the survivor's value, or the first merged record's when the survivor has none; lists (emails,
    /// phones, tags) are united.
    /// </summary>
    public Dictionary<string, Guid>? FieldWinners { get; init; }

    /// <summary>True: answer with the merged survivor as it would be, and change nothing.</summary>
    public bool DryRun { get; init; }
}
