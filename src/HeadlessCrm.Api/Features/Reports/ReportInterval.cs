namespace HeadlessCrm.Api.Features.Reports;

/// <summary>The length of a report's periods; periods are calendar months or quarters in UTC.</summary>
public enum ReportInterval
{
    Month,
    Quarter,
}
