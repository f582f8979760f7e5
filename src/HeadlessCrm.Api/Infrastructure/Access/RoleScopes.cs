using HeadlessCrm.Api.Features.Members;

namespace HeadlessCrm.Api.Infrastructure.Access;

/// <summary>
/// The most a member of each role may be granted (a personal token or a sign-in asks for a subset). Record
/// visibility narrows it further: a rep with crm.deals.read still reads only their own deals.
/// </summary>
public static class RoleScopes
{
    private static readonly string[] Rep =
    [
        Scopes.ContactsRead, Scopes.ContactsWrite, Scopes.CompaniesRead, Scopes.CompaniesWrite,
        Scopes.DealsRead, Scopes.DealsWrite, Scopes.ActivitiesRead, Scopes.ActivitiesWrite,
        Scopes.PipelinesRead, Scopes.MembersRead, Scopes.ReportsRead,
    ];

    private static readonly string[] Manager = [.. Rep, Scopes.Import];

    public static IReadOnlyCollection<string> For(MemberRole role) => role switch
    {
        MemberRole.Admin => Scopes.All,
        MemberRole.Manager => Manager,
        _ => Rep,
    };
}
