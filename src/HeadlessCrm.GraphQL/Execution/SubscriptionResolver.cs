namespace HeadlessCrm.GraphQL.Execution;

/// <summary>Creates the source event stream of a subscription root field (spec §6.2.3.1 ResolveFieldEventStream).</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(IResolveContext context);
