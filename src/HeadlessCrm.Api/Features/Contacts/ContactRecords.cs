using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data.Configurations;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Contacts;

/// <summary>Contacts as a record type: public shape, filters (including through their company), sorts, list parameters.</summary>
public static class ContactRecords
{
    public static readonly FilterSchema<Contact> Filters = new FilterSchema<Contact>()
        .Field("id", c => c.Id)
        .Field("firstName", c => c.FirstName)
        .Field("lastName", c => c.LastName)
        .Field("title", c => c.Title)
        .Field("companyId", c => c.CompanyId)
        .One("company", c => c.Company, () => CompanyRecords.Filters)
        .Field("lifecycleStage", c => c.LifecycleStage)
        .Field("source", c => c.Source)
        .Field("birthday", c => c.Birthday)
        .Field("country", c => c.Address.Country)
        .Field("city", c => c.Address.City)
        .GeoPoint("address", "contacts", c => c.Id, c => c.Address.Latitude, c => c.Address.Longitude)
        .Field("ownerId", c => c.OwnerId)
        .LookupKeys("email", c => c.EmailKeys, Contact.EmailKey, c => c.Id)
        .LookupKeys("phone", c => c.PhoneKeys, Contact.PhoneKey, c => c.Id)
        .Tags("tags", c => c.Tags)
        .Field("createdAt", c => c.CreatedAt)
        .Field("updatedAt", c => c.UpdatedAt)
        .Field("lastActivityAt", c => c.Activities.Where(a => a.ArchivedAt == null).Max(a => (DateTime?)a.TimelineAt))
        .Flag("hasOpenDeal", _ => c => c.DealLinks.Any(l => l.Deal!.ArchivedAt == null && l.Deal.Status == DealStatus.Open))
        .CustomFields("contacts", c => c.CustomFields);

    public static readonly RecordType<Contact, ContactDto> Type = new()
    {
        Name = "contact",
        Plural = "contacts",
        ReadScope = Scopes.ContactsRead,
        WriteScope = Scopes.ContactsWrite,
        Projection = c => new ContactDto
        {
            Id = c.Id,
            FirstName = c.FirstName,
            LastName = c.LastName,
            Emails = c.Emails,
            Phones = c.Phones,
            Title = c.Title,
            CompanyId = c.CompanyId,
            Birthday = c.Birthday,
            Address = new Address
            {
                Street = c.Address.Street,
                City = c.Address.City,
                Region = c.Address.Region,
                PostalCode = c.Address.PostalCode,
                Country = c.Address.Country,
                Latitude = c.Address.Latitude,
                Longitude = c.Address.Longitude,
            },
            LifecycleStage = c.LifecycleStage,
            Source = c.Source,
            OwnerId = c.OwnerId,
            Tags = c.Tags,
            CustomFields = c.CustomFields,
            CreatedAt = c.CreatedAt,
            UpdatedAt = c.UpdatedAt,
            ArchivedAt = c.ArchivedAt,
            MergedIntoId = c.MergedIntoId,
            Version = c.Version,
        },
        Filters = Filters,
        Sorts = new SortSchema<Contact>("-createdAt")
            .Key("createdAt", c => c.CreatedAt)
            .Key("updatedAt", c => c.UpdatedAt)
            .Key("name", c => EF.Property<string>(c, ContactConfiguration.SortName))
            .CustomFields("contacts", c => c.CustomFields),
        Parameters =
        [
            new("ownerId", "ownerId", FilterOperator.Eq, "Owned by this member (comma-separated: any of them)."),
            new("companyId", "companyId", FilterOperator.Eq, "Works at this company."),
            new("lifecycleStage", "lifecycleStage", FilterOperator.Eq, "lead, qualified, customer, lapsed or churned (comma-separated: any)."),
            new("source", "source", FilterOperator.Eq, "Source channel, like organic_search or referral (comma-separated: any)."),
            new("email", "email", FilterOperator.Contains, "Has this email address (case-insensitive)."),
            new("tag", "tags", FilterOperator.Contains, "Has this tag."),
            new("createdAfter", "createdAt", FilterOperator.Gte, "Created at or after this time."),
            new("createdBefore", "createdAt", FilterOperator.Lt, "Created before this time."),
            new("updatedAfter", "updatedAt", FilterOperator.Gte, "Updated at or after this time."),
            new("updatedBefore", "updatedAt", FilterOperator.Lt, "Updated before this time."),
        ],
    };
}
