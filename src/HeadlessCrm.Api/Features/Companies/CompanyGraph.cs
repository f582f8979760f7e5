using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Companies;

/// <summary>Companies in GraphQL: the type, its relations (batched), and the list.</summary>
public static class CompanyGraph
{
    public const string TypeName = "Company";

    public static SchemaBuilder AddCompanies(this SchemaBuilder builder) => builder
        .Object<CompanyDto>(TypeName, t => t
            .Description("A legal entity: customer, partner, supplier, competitor or prospect.")
            .RecordFields(TypeName)
            .Field("name", "String!")
            .Field("domain", "String")
            .Field("kind", "CompanyKind!")
            .Field("industry", "String")
            .Field("employeeCount", "Int")
            .Field("phone", "String")
            .Field("address", "Address!")
            .OwnedFields()
            .TimestampFields()
            .Field("contacts", "[Contact!]", f => f
                .Description("Its newest live contacts the caller can see (needs crm.contacts.read); page with contacts(filter:) for more.")
                .ArgumentWithDefault("first", "Int", 10, "At most this many, 1 to 100.")
                .Resolve(c => c.Inner.LoadRelated<Company, Contact, ContactDto, DateTime>("companyContacts", ContactRecords.Type, x => x.CompanyId, x => x.CreatedAt,
                    c.Parent.Id, Relations.Size(c.Argument<int>("first")))))
            .Field("deals", "[Deal!]", f => f
                .Description("Its newest live deals the caller can see (needs crm.deals.read).")
                .ArgumentWithDefault("first", "Int", 10, "At most this many, 1 to 100.")
                .Resolve(c => c.Inner.LoadRelated<Company, Deal, DealDto, DateTime>("companyDeals", DealRecords.Type, x => x.CompanyId, x => x.CreatedAt,
                    c.Parent.Id, Relations.Size(c.Argument<int>("first"))))))
        .AddRecordList("companies", TypeName, CompanyRecords.Type)
        .AddCreateAndUpdateInputs(TypeName, i => i
            .Field("name", "String")
            .Field("domain", "String", "A host name; a URL is reduced to its host, without www.")
            .Field("kind", "CompanyKind", "Defaults to PROSPECT.")
            .Field("industry", "String")
            .Field("employeeCount", "Int")
            .Field("phone", "String")
            .Field("address", "AddressInput")
            .OwnedInputFields())
        .AddRecordMutations<Company, CompanyDto, CompanyInput, CompanyUseCases>(TypeName, CompanyRecords.Type);
}
