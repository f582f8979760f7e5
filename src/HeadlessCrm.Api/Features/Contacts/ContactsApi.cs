using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Data;

namespace HeadlessCrm.Api.Features.Contacts;

public static class ContactsApi
{
    public static RouteGroupBuilder MapContacts(this IEndpointRouteBuilder app)
    {
        var group = app.MapRecordRoutes(ContactRecords.Type)
            .MapRecordWrites<Contact, ContactDto, ContactInput, ContactUseCases>(ContactRecords.Type);

        group.MapRelatedList("/{id:guid}/deals", "ListContactDeals", "List the deals a contact takes part in", DealRecords.Type,
            (db, id) => db.Deals.Where(d => d.Contacts.Any(c => c.ContactId == id)), ContactRecords.Type);
        return group;
    }
}
