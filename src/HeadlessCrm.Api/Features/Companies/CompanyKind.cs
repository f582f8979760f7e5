namespace HeadlessCrm.Api.Features.Companies;

public enum CompanyKind
{
    Prospect,
    Customer,
    Partner,
    Supplier,
    Competitor,
}
