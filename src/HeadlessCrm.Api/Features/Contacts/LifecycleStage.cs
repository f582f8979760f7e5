namespace HeadlessCrm.Api.Features.Contacts;

/// <summary>Where a person stands with the company: lead → qualified → customer, then lapsed or churned.</summary>
public enum LifecycleStage
{
    Lead,
    Qualified,
    Customer,
    Lapsed,
    Churned,
}
