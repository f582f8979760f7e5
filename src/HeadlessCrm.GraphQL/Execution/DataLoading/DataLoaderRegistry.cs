using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>The loaders of one request, by name, and which of them wait for a dispatch.</summary>
public sealed class DataLoaderRegistry
{
    private readonly Dictionary<string, DataLoaderBase> _loaders = new(StringComparer.Ordinal);
    private readonly List<DataLoaderBase> _pending = [];

    public bool HasPending => _pending.Count > 0;

    public TLoader GetOrAdd<TLoader>(string name, Func<TLoader> create)
        where TLoader : DataLoaderBase
    {
        if (_loaders.TryGetValue(name, out var existing))
        {
            return existing as TLoader
                ?? throw new InvalidOperationException($"The DataLoader \"{name}\" is a {existing.GetType().Name}, not a {typeof(TLoader).Name}.");
        }

        var loader = create();
        loader.Registry = this;
        _loaders.Add(name, loader);
        return loader;
    }

    /// <summary>Dispatches every loader with pending keys, one after another, until none is left.</summary>
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        while (_pending.Count > 0)
        {
            var loaders = _pending.ToArray();
            _pending.Clear();
            foreach (var loader in loaders)
            {
                await loader.DispatchAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal void MarkPending(DataLoaderBase loader)
    {
        if (!_pending.Contains(loader))
        {
            _pending.Add(loader);
        }
    }

    internal static TLoader Create<TLoader>(IServiceProvider services)
        where TLoader : DataLoaderBase => ActivatorUtilities.CreateInstance<TLoader>(services);
}
