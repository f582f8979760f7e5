using System.Security.Claims;
using HeadlessCrm.GraphQL.Execution.DataLoading;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>A typed view of <see cref="IResolveContext"/> whose parent is a <typeparamref name="TParent"/>; a struct, so it costs no allocation.</summary>
public readonly struct ResolveContext<TParent>(IResolveContext inner)
{
    public IResolveContext Inner { get; } = inner;

    public TParent Parent => (TParent)Inner.Source!;

    public IServiceProvider Services => Inner.Request.Services;

    public ClaimsPrincipal? User => Inner.Request.User;

    public CancellationToken CancellationToken => Inner.Request.CancellationToken;

    public IDictionary<string, object?> Items => Inner.Request.Items;

    public T Argument<T>(string name) => Inner.Argument<T>(name);

    public bool HasArgument(string name) => Inner.HasArgument(name);

    public T Service<T>()
        where T : notnull =>
        (T)(Inner.Request.Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"No service of type {typeof(T)} is registered."));

    public BatchDataLoader<TKey, TValue> DataLoader<TKey, TValue>(string name, BatchLoadFunction<TKey, TValue> load)
        where TKey : notnull => Inner.DataLoader(name, load);

    public GroupDataLoader<TKey, TValue> GroupDataLoader<TKey, TValue>(string name, GroupLoadFunction<TKey, TValue> load)
        where TKey : notnull => Inner.GroupDataLoader(name, load);

    public TLoader DataLoader<TLoader>()
        where TLoader : DataLoaderBase => Inner.DataLoader<TLoader>();

    public void ReportError(GraphQLError error) => Inner.ReportError(error);
}
