namespace HeadlessCrm.Identity.Accounts;

/// <summary>
/// The people who sign in, as the authorization server needs them; the host implements it over its members.
/// A member belongs to one workspace: the workspace of the client they sign in through.
/// </summary>
public interface IMemberAccounts
{
    /// <summary>The active member with this email and password in the workspace, or null.</summary>
    Task<MemberAccount?> SignInAsync(Guid workspaceId, string email, string password, CancellationToken ct);

    /// <summary>The member behind a token's subject if still active (a refresh re-checks this), or null.</summary>
    Task<MemberAccount?> FindAsync(Guid workspaceId, string subject, CancellationToken ct);
}

/// <summary>A member as tokens describe them: subject, the most they may be granted, and claims to add to their tokens.</summary>
public sealed record MemberAccount(
    string Subject, string Name, IReadOnlyCollection<string> AllowedScopes, IReadOnlyDictionary<string, object> Claims);
