namespace HeadlessCrm.Api.Features.Deals;

public enum DealStatus
{
    Open,
    Won,
    Lost,
}
