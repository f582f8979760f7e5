namespace HeadlessCrm.Api.Infrastructure.Access;

/// <summary>The caller's token lacks the scope an operation needs (403, naming the scope).</summary>
public sealed class MissingScopeException(string scope) : Exception($"The access token lacks the scope '{scope}'.")
{
    public string Scope { get; } = scope;
}
