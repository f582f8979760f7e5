using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Companies;

/// <summary>Companies as a record type: public shape, filters, sorts and list parameters.</summary>
public static class CompanyRecords
{
    public static readonly FilterSchema<Company> Filters = new FilterSchema<Company>()
        .Field("id", c => c.Id)
        .Field("name", c => c.Name)
        .Field("domain", c => c.Domain)
        .Field("kind", c => c.Kind)
        .Field("industry", c => c.Industry)
        .Field("employeeCount", c => c.EmployeeCount)
        .Field("country", c => c.Address.Country)
        .Field("city", c => c.Address.City)
        .GeoPoint("address", "companies", c => c.Id, c => c.Address.Latitude, c => c.Address.Longitude)
        .Field("ownerId", c => c.OwnerId)
        .Tags("tags", c => c.Tags)
        .Field("createdAt", c => c.CreatedAt)
        .Field("updatedAt", c => c.UpdatedAt)
        .Field("lastActivityAt", c => c.Activities.Where(a => a.ArchivedAt == null).Max(a => (DateTime?)a.TimelineAt))
        .Flag("hasOpenDeal", _ => c => c.Deals.Any(d => d.ArchivedAt == null && d.Status == DealStatus.Open))
        .CustomFields("companies", c => c.CustomFields);

    public static readonly RecordType<Company, CompanyDto> Type = new()
    {
        Name = "company",
        Plural = "companies",
        ReadScope = Scopes.CompaniesRead,
        WriteScope = Scopes.CompaniesWrite,
        Projection = c => new CompanyDto
        {
            Id = c.Id,
            Name = c.Name,
            Domain = c.Domain,
            Kind = c.Kind,
            Industry = c.Industry,
            EmployeeCount = c.EmployeeCount,
            Phone = c.Phone,
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
        Sorts = new SortSchema<Company>("-createdAt")
            .Key("createdAt", c => c.CreatedAt)
            .Key("updatedAt", c => c.UpdatedAt)
            .Key("name", c => c.Name)
            .CustomFields("companies", c => c.CustomFields),
        Parameters =
        [
            new("ownerId", "ownerId", FilterOperator.Eq, "Owned by this member (comma-separated: any of them)."),
            new("kind", "kind", FilterOperator.Eq, "customer, partner, supplier, competitor or prospect (comma-separated: any)."),
            new("domain", "domain", FilterOperator.Eq, "Exact domain, like example.com."),
            new("name", "name", FilterOperator.Contains, "Name contains this text (case-insensitive)."),
            new("tag", "tags", FilterOperator.Contains, "Has this tag."),
            new("createdAfter", "createdAt", FilterOperator.Gte, "Created at or after this time."),
            new("createdBefore", "createdAt", FilterOperator.Lt, "Created before this time."),
            new("updatedAfter", "updatedAt", FilterOperator.Gte, "Updated at or after this time."),
            new("updatedBefore", "updatedAt", FilterOperator.Lt, "Updated before this time."),
        ],
    };
}
