namespace HeadlessCrm.Api.Features.Reports;

/// <summary>
/// A chartable result: one label per point (a period, a stage, an owner, a source) with a stable key beside it, and
/// series of values aligned with the labels. Money series carry their currency: amounts in different currencies are
/// never added together.
/// </summary>
public sealed record ChartDto(IReadOnlyList<string> Labels, IReadOnlyList<string?> Keys, IReadOnlyList<SeriesDto> Series);

/// <summary>
/// One line or bar set. <c>unit</c> is <c>count</c>, <c>money</c> (then <c>currency</c> is set), <c>ratio</c> (0–1) or
/// <c>days</c>; a null value means "not defined here" (a rate with nothing to divide by). Per-owner series name their
/// owner (<c>owner.id</c> null: records nobody owns); series without an owner cover everyone the report covers.
/// </summary>
public sealed record SeriesDto(string Metric, string Unit, string? Currency, SeriesOwner? Owner, IReadOnlyList<decimal?> Values);

public sealed record SeriesOwner(Guid? Id, string Name);

public static class Units
{
    public const string Count = "count";
    public const string Money = "money";
    public const string Ratio = "ratio";
    public const string Days = "days";
}
