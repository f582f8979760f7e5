using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>The record types that take custom fields, by their plural (as in their routes), and who may read them.</summary>
public static class CustomFieldObjects
{
    public static readonly IReadOnlyDictionary<string, string> ReadScopes = new Dictionary<string, string>
    {
        ["contacts"] = Scopes.ContactsRead,
        ["companies"] = Scopes.CompaniesRead,
        ["deals"] = Scopes.DealsRead,
        ["activities"] = Scopes.ActivitiesRead,
    };

    public static IEnumerable<string> All => ReadScopes.Keys;
}
