using System.Security.Cryptography;
using System.Text;

namespace HeadlessCrm.GraphQL.Pipeline;

/// <summary>
/// Apollo automatic persisted queries: a request may send <c>extensions.persistedQuery.sha256Hash</c> without the
/// query; an unknown hash answers PersistedQueryNotFound, and the client retries with the query, which is stored.
/// </summary>
public static class PersistedQueries
{
    public const string NotFoundMessage = "PersistedQueryNotFound";
    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";
    public const string NotSupportedMessage = "PersistedQueryNotSupported";

    /// <summary>The query text to run, or the error to answer with.</summary>
    public static async ValueTask<(string? Query, GraphQLError? Error)> ResolveAsync(GraphQLRequest request, IPersistedQueryStore? store, CancellationToken cancellationToken)
    {
        if (request.Extensions?.GetValueOrDefault("persistedQuery") is not IReadOnlyDictionary<string, object?> persisted)
        {
            return (request.Query, null);
        }

        if (store is null)
        {
            return (null, Error(NotSupportedMessage, "PERSISTED_QUERY_NOT_SUPPORTED"));
        }

        if (persisted.GetValueOrDefault("version") is not (1 or 1L) || persisted.GetValueOrDefault("sha256Hash") is not string hash)
        {
            return (null, Error("Unsupported persisted query version or missing sha256Hash.", "PERSISTED_QUERY_INVALID"));
        }

        hash = hash.ToLowerInvariant();
        if (request.Query is null)
        {
            var stored = await store.GetAsync(hash, cancellationToken).ConfigureAwait(false);
            return stored is null ? (null, Error(NotFoundMessage, NotFoundCode)) : (stored, null);
        }

        if (Sha256(request.Query) != hash)
        {
            return (null, Error("provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH"));
        }

        await store.SetAsync(hash, request.Query, cancellationToken).ConfigureAwait(false);
        return (request.Query, null);
    }

    public static string Sha256(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    private static GraphQLError Error(string message, string code) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = code });
}
