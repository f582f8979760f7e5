namespace HeadlessCrm.GraphQL.Pipeline;

/// <summary>Keeps query texts by their SHA-256 hash for Apollo automatic persisted queries.</summary>
public interface IPersistedQueryStore
{
    ValueTask<string?> GetAsync(string sha256Hash, CancellationToken cancellationToken);

    ValueTask SetAsync(string sha256Hash, string query, CancellationToken cancellationToken);
}
