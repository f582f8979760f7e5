namespace HeadlessCrm.Api.Features.Activities;

public enum ActivityType
{
    Call,
    Email,
    Meeting,
    Note,
    Task,
}
