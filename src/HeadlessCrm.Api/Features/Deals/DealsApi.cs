using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Deals;

public static class DealsApi
{
    public static RouteGroupBuilder MapDeals(this IEndpointRouteBuilder app)
    {
        var group = app.MapRecordRoutes(DealRecords.Type)
            .MapRecordWrites<Deal, DealDto, DealInput, DealUseCases>(DealRecords.Type);

        group.MapRelatedList("/{id:guid}/contacts", "ListDealContacts", "List the contacts of a deal", ContactRecords.Type,
            (db, id) => db.Contacts.Where(c => db.DealContacts.Any(dc => dc.DealId == id && dc.ContactId == c.Id)), DealRecords.Type);

        group.MapPut("/{id:guid}/contacts/{contactId:guid}", async (Guid id, Guid contactId, DealUseCases deals, CancellationToken ct) =>
            {
                await deals.AddContactAsync(id, contactId, ct);
                return TypedResults.NoContent();
            })
            .WithName("AddDealContact").WithSummary("Add a contact to a deal")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.DealsWrite);

        group.MapDelete("/{id:guid}/contacts/{contactId:guid}", async (Guid id, Guid contactId, DealUseCases deals, CancellationToken ct) =>
            {
                await deals.RemoveContactAsync(id, contactId, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveDealContact").WithSummary("Remove a contact from a deal")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.DealsWrite);

        group.MapGet("/{id:guid}/stage-history", async (Guid id, DealUseCases deals, CancellationToken ct) =>
                TypedResults.Ok(new Page<StageStayDto>(await deals.StageHistoryAsync(id, ct), null)))
            .WithName("GetDealStageHistory").WithSummary("Every stage the deal has been in, with when it entered and left")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.DealsRead);

        return group;
    }
}
