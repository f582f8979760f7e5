using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Companies;

public static class CompaniesApi
{
    public static RouteGroupBuilder MapCompanies(this IEndpointRouteBuilder app)
    {
        var group = app.MapRecordRoutes(CompanyRecords.Type)
            .MapRecordWrites<Company, CompanyDto, CompanyInput, CompanyUseCases>(CompanyRecords.Type);

        group.MapRelatedList("/{id:guid}/contacts", "ListCompanyContacts", "List a company's contacts", ContactRecords.Type,
            (db, id) => db.Contacts.Where(c => c.CompanyId == id), CompanyRecords.Type);
        group.MapRelatedList("/{id:guid}/deals", "ListCompanyDeals", "List a company's deals", DealRecords.Type,
            (db, id) => db.Deals.Where(d => d.CompanyId == id), CompanyRecords.Type);
        return group;
    }
}
