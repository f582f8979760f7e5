using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Pipeline;
using HeadlessCrm.GraphQL.Types;
using HeadlessCrm.GraphQL.Validation;

namespace HeadlessCrm.GraphQL;

/// <summary>
/// The single entry of the engine: request → (persisted query) → parse → validate (cached by text) → pick the
/// operation → check limits → execute, returning <c>{ data, errors }</c>. Any failure before execution returns
/// a result without data, which transports report as a request error.
/// </summary>
public sealed class GraphQLEngine
{
    public const string OperationNotAllowedCode = "OPERATION_NOT_ALLOWED";

    private readonly DocumentCache _documents;
    private readonly IReadOnlyList<Func<ValidationRule>> _rules;

    public GraphQLEngine(Schema schema, GraphQLEngineOptions? options = null)
    {
        Schema = schema;
        Options = options ?? new GraphQLEngineOptions();
        _documents = new DocumentCache(Options.DocumentCacheSize);
        _rules = [.. SpecifiedRules.All, .. Options.AdditionalRules];
    }

    public Schema Schema { get; }

    public GraphQLEngineOptions Options { get; }

    /// <summary>Parses and validates a document, or returns the cached outcome for the same text.</summary>
    public PreparedDocument Prepare(string query) => _documents.GetOrAdd(query, text =>
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(text, Options.Parser);
        }
        catch (GraphQLSyntaxException exception)
        {
            return new PreparedDocument(null, [exception.ToSyntaxError()]);
        }

        return new PreparedDocument(document, DocumentValidator.Validate(Schema, document, _rules, Options.MaxValidationErrors));
    });

    /// <param name="allowOperation">Lets a transport refuse operation kinds, e.g. mutations over HTTP GET.</param>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext? context = null, Func<OperationType, bool>? allowOperation = null)
    {
        var (args, failure) = await PrepareExecutionAsync(request, context, allowOperation).ConfigureAwait(false);
        return failure ?? await Executor.ExecuteAsync(args!).ConfigureAwait(false);
    }

    /// <summary>Subscribes to a subscription operation; other operations answer with a single result through <see cref="SubscriptionResult.Failure"/> or run once.</summary>
    public async Task<SubscriptionResult> SubscribeAsync(GraphQLRequest request, RequestContext? context = null)
    {
        var (args, failure) = await PrepareExecutionAsync(request, context, null).ConfigureAwait(false);
        if (failure is not null)
        {
            return SubscriptionResult.Failed(failure);
        }

        var operation = Executor.GetOperation(args!.Document, args.OperationName, out _)!;
        return operation.Operation == OperationType.Subscription
            ? await Executor.SubscribeAsync(args).ConfigureAwait(false)
            : new SubscriptionResult { Stream = Once(Executor.ExecuteAsync(args)) };
    }

    private async Task<(ExecutionArgs? Args, ExecutionResult? Failure)> PrepareExecutionAsync(
        GraphQLRequest request, RequestContext? context, Func<OperationType, bool>? allowOperation)
    {
        context ??= new RequestContext();
        var (query, persistedError) = await PersistedQueries.ResolveAsync(request, Options.PersistedQueries, context.CancellationToken).ConfigureAwait(false);
        if (persistedError is not null)
        {
            return (null, ExecutionResult.FromErrors([persistedError]));
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return (null, ExecutionResult.FromErrors([new GraphQLError("Must provide query string.")]));
        }

        var prepared = Prepare(query);
        if (!prepared.IsValid)
        {
            return (null, ExecutionResult.FromErrors(prepared.Errors));
        }

        var document = prepared.Document!;
        var operation = Executor.GetOperation(document, request.OperationName, out var operationError);
        if (operation is null)
        {
            return (null, ExecutionResult.FromErrors([operationError!]));
        }

        if (allowOperation is not null && !allowOperation(operation.Operation))
        {
            var kind = operation.Operation.ToString().ToLowerInvariant();
            return (null, ExecutionResult.FromErrors([new GraphQLError(
                $"Operations of kind {kind} are not allowed here.",
                [operation.Location.ToSourceLocation()],
                extensions: new Dictionary<string, object?> { ["code"] = OperationNotAllowedCode })]));
        }

        var limitErrors = QueryLimitAnalyzer.Check(Schema, document, operation, request.Variables, Options.Limits);
        if (limitErrors.Count > 0)
        {
            return (null, ExecutionResult.FromErrors(limitErrors));
        }

        return (new ExecutionArgs(Schema, document)
        {
            OperationName = request.OperationName,
            Variables = request.Variables,
            RootValue = request.RootValue,
            Context = context,
            Options = Options.Execution,
        }, null);
    }

    private static async IAsyncEnumerable<ExecutionResult> Once(Task<ExecutionResult> result)
    {
        yield return await result.ConfigureAwait(false);
    }
}
