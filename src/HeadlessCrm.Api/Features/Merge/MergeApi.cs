using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Features.Merge;

public static class MergeApi
{
    public static IEndpointRouteBuilder MapMerge(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/contacts/duplicates", async (int? limit, string? cursor, DuplicateFinder duplicates, CancellationToken ct) =>
                TypedResults.Ok(await duplicates.ContactsAsync(ListRequest.CheckLimit(limit ?? ListRequest.DefaultLimit), cursor, ct)))
            .WithTags("Contacts").WithName("ListContactDuplicates")
            .WithSummary("Likely duplicate contacts: same email, same phone number, or a similar name at the same company")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireScope(Scopes.ContactsRead);

        app.MapGet("/api/v1/companies/duplicates", async (int? limit, string? cursor, DuplicateFinder duplicates, CancellationToken ct) =>
                TypedResults.Ok(await duplicates.CompaniesAsync(ListRequest.CheckLimit(limit ?? ListRequest.DefaultLimit), cursor, ct)))
            .WithTags("Companies").WithName("ListCompanyDuplicates")
            .WithSummary("Likely duplicate companies: same domain or a similar name")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireScope(Scopes.CompaniesRead);

        app.MapPost("/api/v1/contacts/merge", async (MergeInput body, RecordMerge merge, ContactUseCases contacts, CancellationToken ct) =>
                TypedResults.Ok(await merge.MergeAsync(ContactRecords.Type, contacts, body, MergeAssociations.OfContactsAsync, ct)))
            .WithTags("Contacts").WithName("MergeContacts")
            .WithSummary("Merge contacts into a survivor: field winners, activities and deals moved, the others archived pointing at it")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.ContactsWrite);

        app.MapPost("/api/v1/companies/merge", async (MergeInput body, RecordMerge merge, CompanyUseCases companies, CancellationToken ct) =>
                TypedResults.Ok(await merge.MergeAsync(CompanyRecords.Type, companies, body, MergeAssociations.OfCompaniesAsync, ct)))
            .WithTags("Companies").WithName("MergeCompanies")
            .WithSummary("Merge companies into a survivor: field winners, contacts, deals and activities moved, the others archived pointing at it")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.CompaniesWrite);
        return app;
    }
}
