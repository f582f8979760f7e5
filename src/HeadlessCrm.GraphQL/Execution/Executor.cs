using System.Runtime.CompilerServices;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>Executes validated documents: queries and mutations (spec §6.2.1, §6.2.2) and subscriptions (§6.2.3).</summary>
public static class Executor
{
    public static Task<ExecutionResult> ExecuteAsync(ExecutionArgs args)
    {
        var (execution, failure) = Prepare(args);
        if (failure is not null)
        {
            return Task.FromResult(failure);
        }

        var rootType = args.Schema.GetRootType(execution!.Operation.Operation);
        return rootType is null
            ? Task.FromResult(ExecutionResult.FromErrors([NotConfigured(execution.Operation)]))
            : execution.ExecuteAsync(rootType, args.RootValue);
    }

    public static async Task<SubscriptionResult> SubscribeAsync(ExecutionArgs args)
    {
        var (execution, failure) = Prepare(args);
        if (failure is not null)
        {
            return SubscriptionResult.Failed(failure);
        }

        var rootType = args.Schema.SubscriptionType;
        if (execution!.Operation.Operation != OperationType.Subscription || rootType is null)
        {
            return SubscriptionResult.Failed(ExecutionResult.FromErrors([NotConfigured(execution.Operation)]));
        }

        var (stream, errors) = await execution.SubscribeAsync(rootType, args.RootValue).ConfigureAwait(false);
        return stream is null
            ? SubscriptionResult.Failed(new ExecutionResult { Errors = errors })
            : new SubscriptionResult { Stream = MapEvents(stream, execution, rootType, args) };
    }

    /// <summary>Executes the operation once per source event, the event being the root value (spec §6.2.3.2).</summary>
    private static async IAsyncEnumerable<ExecutionResult> MapEvents(
        IAsyncEnumerable<object?> stream, OperationExecution first, ObjectType rootType, ExecutionArgs args, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fragments = Fragments(args.Document);
        await foreach (var sourceEvent in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            args.Context.ResetDataLoaders();
            var execution = new OperationExecution(args.Schema, first.Operation, fragments, first.Variables, args.Context, args.Options);
            yield return await execution.ExecuteAsync(rootType, sourceEvent).ConfigureAwait(false);
        }
    }

    private static (OperationExecution? Execution, ExecutionResult? Failure) Prepare(ExecutionArgs args)
    {
        var operation = GetOperation(args.Document, args.OperationName, out var error);
        if (operation is null)
        {
            return (null, ExecutionResult.FromErrors([error!]));
        }

        var errors = new List<GraphQLError>();
        var variables = VariableValues.Coerce(args.Schema, operation, args.Variables, errors);
        if (errors.Count > 0)
        {
            return (null, ExecutionResult.FromErrors(errors));
        }

        return (new OperationExecution(args.Schema, operation, Fragments(args.Document), variables, args.Context, args.Options), null);
    }

    /// <summary>Picks the operation to run (spec §6.1 GetOperation).</summary>
    public static OperationDefinitionNode? GetOperation(DocumentNode document, string? operationName, out GraphQLError? error)
    {
        var operations = document.Definitions.OfType<OperationDefinitionNode>().ToList();
        error = null;
        if (string.IsNullOrEmpty(operationName))
        {
            if (operations.Count == 1)
            {
                return operations[0];
            }

            error = new GraphQLError(operations.Count == 0 ? "Must provide an operation." : "Must provide operation name if query contains multiple operations.");
            return null;
        }

        var named = operations.FirstOrDefault(o => o.Name?.Value == operationName);
        error = named is null ? new GraphQLError($"Unknown operation named \"{operationName}\".") : null;
        return named;
    }

    private static Dictionary<string, FragmentDefinitionNode> Fragments(DocumentNode document)
    {
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
        {
            fragments.TryAdd(fragment.Name.Value, fragment);
        }

        return fragments;
    }

    private static GraphQLError NotConfigured(OperationDefinitionNode operation) =>
        new($"Schema is not configured to execute {operation.Operation.ToString().ToLowerInvariant()} operation.", [operation.Location.ToSourceLocation()]);
}
