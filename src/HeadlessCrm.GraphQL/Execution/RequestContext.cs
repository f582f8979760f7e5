using System.Security.Claims;
using HeadlessCrm.GraphQL.Execution.DataLoading;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// What one request carries to every resolver: its services (e.g. ASP.NET Core's RequestServices, so a resolver can
/// use the request's DbContext), the signed-in user, cancellation, an items bag and the request's DataLoaders.
/// </summary>
public sealed class RequestContext(IServiceProvider? services = null, ClaimsPrincipal? user = null, CancellationToken cancellationToken = default)
{
    public IServiceProvider Services { get; } = services ?? EmptyServiceProvider.Instance;

    public ClaimsPrincipal? User { get; } = user;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>The DataLoaders of this request; their caches live as long as the request.</summary>
    public DataLoaderRegistry DataLoaders { get; private set; } = new();

    /// <summary>Starts fresh loaders, e.g. for each event of a subscription, so no cached value outlives its event.</summary>
    internal void ResetDataLoaders() => DataLoaders = new DataLoaderRegistry();

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static EmptyServiceProvider Instance { get; } = new();

        public object? GetService(Type serviceType) => null;
    }
}
