using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Pipeline;
using HeadlessCrm.GraphQL.Validation;

namespace HeadlessCrm.GraphQL;

/// <summary>Everything configurable about turning a request into a response.</summary>
public sealed record GraphQLEngineOptions
{
    public ParserOptions Parser { get; init; } = ParserOptions.Default;

    public ExecutionOptions Execution { get; init; } = ExecutionOptions.Default;

    public QueryLimits Limits { get; init; } = QueryLimits.None;

    /// <summary>Rules run after the spec's own, e.g. a project's naming or deprecation checks.</summary>
    public IReadOnlyList<Func<ValidationRule>> AdditionalRules { get; init; } = [];

    public int MaxValidationErrors { get; init; } = 100;

    /// <summary>How many parsed-and-validated documents to keep, keyed by their text.</summary>
    public int DocumentCacheSize { get; init; } = 1_000;

    /// <summary>Where Apollo automatic persisted queries are kept; null turns persisted queries off.</summary>
    public IPersistedQueryStore? PersistedQueries { get; init; } = new InMemoryPersistedQueryStore();
}
