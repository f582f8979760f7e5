using HeadlessCrm.Api.Infrastructure.Filtering;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// A query-string filter of a list (<c>?amountMin=1000</c>): a name people type, standing for one condition of the
/// resource's filter schema. A comma-separated value of an equality parameter means "any of".
/// </summary>
public sealed record ListParameter(string Name, string Field, FilterOperator Op, string Description);
