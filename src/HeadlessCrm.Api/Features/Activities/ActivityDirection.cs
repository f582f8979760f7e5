namespace HeadlessCrm.Api.Features.Activities;

public enum ActivityDirection
{
    Inbound,
    Outbound,
}
