using System.Security.Claims;
using HeadlessCrm.GraphQL.Execution.DataLoading;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>What a resolver knows about the field it resolves: parent value, coerced arguments, request and schema.</summary>
public interface IResolveContext
{
    /// <summary>The parent object's value (spec "objectValue"); the root value for root fields.</summary>
    object? Source { get; }

    ObjectType ParentType { get; }

    FieldDefinition Field { get; }

    /// <summary>Every node of the document that selected this field under the same response key.</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>The coerced argument values (spec §6.4.1 CoerceArgumentValues); omitted arguments without default are absent.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    RequestContext Request { get; }

    Schema Schema { get; }

    OperationDefinitionNode Operation { get; }

    IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>The response path of this field: keys and list indices.</summary>
    IReadOnlyList<object> Path { get; }

    /// <summary>
    /// The fields selected beneath this one on <paramref name="type"/> (an object type this field's value may be or
    /// contain), as execution will resolve them: through fragments, after @skip and @include.
    /// </summary>
    IReadOnlyList<SelectedField> SelectedFields(ObjectType type);

    IServiceProvider Services => Request.Services;

    ClaimsPrincipal? User => Request.User;

    CancellationToken CancellationToken => Request.CancellationToken;

    /// <summary>The parent value as a <typeparamref name="T"/>.</summary>
    T Parent<T>() => (T)Source!;

    /// <summary>An argument converted to <typeparamref name="T"/>: input objects bind to records, classes or dictionaries; lists to arrays or lists.</summary>
    T Argument<T>(string name) => ValueConverter.Convert<T>(Arguments.GetValueOrDefault(name));

    /// <summary>Whether the argument was given (or has a default), as opposed to omitted: null and absent differ for patches.</summary>
    bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>Adds an error to the response while the field still returns a value.</summary>
    void ReportError(GraphQLError error);

    /// <summary>The request's loader of this name, created on first use with the given batch function.</summary>
    BatchDataLoader<TKey, TValue> DataLoader<TKey, TValue>(string name, BatchLoadFunction<TKey, TValue> load)
        where TKey : notnull =>
        Request.DataLoaders.GetOrAdd(name, () => new DelegateBatchDataLoader<TKey, TValue>(load));

    /// <summary>The request's one-to-many loader of this name: each key maps to a list of values.</summary>
    GroupDataLoader<TKey, TValue> GroupDataLoader<TKey, TValue>(string name, GroupLoadFunction<TKey, TValue> load)
        where TKey : notnull =>
        Request.DataLoaders.GetOrAdd(name, () => new DelegateGroupDataLoader<TKey, TValue>(load));

    /// <summary>The request's instance of a registered loader class, built from the request's services.</summary>
    TLoader DataLoader<TLoader>()
        where TLoader : DataLoaderBase =>
        Request.DataLoaders.GetOrAdd(typeof(TLoader).FullName!, () => DataLoaderRegistry.Create<TLoader>(Services));
}
