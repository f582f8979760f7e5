using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Companies;

/// <summary>Companies in GraphQL: the type, its relations (batched), and the list.</summary>
public static class CompanyGraph
{
    public const string TypeName = "Company";

    private static readonly Relation<Company, Contact, ContactDto> Contacts =
        new("companyContacts", ContactRecords.Type, (x, id) => x.CompanyId == id, Relations.NewestCreated<Contact>());

    private static readonly Relation<Company, Deal, DealDto> Deals =
        new("companyDeals", DealRecords.Type, (x, id) => x.CompanyId == id, Relations.NewestCreated<Deal>());

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
            .Field("contacts", "ContactConnection", f => f
                .Description("Its live contacts the caller can see, newest first (needs crm.contacts.read).")
                .RelationPageArguments()
                .Resolve(c => c.Inner.LoadPage(Contacts, c.Parent.Id)))
            .Field("deals", "DealConnection", f => f
                .Description("Its live deals the caller can see, newest first (needs crm.deals.read).")
                .RelationPageArguments()
                .Resolve(c => c.Inner.LoadPage(Deals, c.Parent.Id))))
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
