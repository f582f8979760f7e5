using System.Collections;
using HeadlessCrm.GraphQL.Execution.DataLoading;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// Runs one operation (spec §6.2–§6.4). Fields are queued breadth-first and resolved one at a time, each awaited
/// before the next starts, so resolvers never run concurrently against the request's services. A resolver that
/// returns a DataLoader's deferred value is parked; when the queue is empty every pending batch is dispatched once
/// and the parked fields complete. So the N items of a list level share one batch call.
/// </summary>
internal sealed class OperationExecution
{
    private readonly Queue<FieldTask> _queue = new();
    private readonly List<ParkedValue> _parked = [];
    private readonly List<GraphQLError> _errors = [];
    private readonly ExecutionOptions _options;
    private readonly FieldCollector _collector;
    private bool _dataNulledOut;

    public OperationExecution(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        RequestContext request,
        ExecutionOptions options)
    {
        Schema = schema;
        Operation = operation;
        Variables = variables;
        Request = request;
        _options = options;
        _collector = new FieldCollector(schema, fragments, variables);
    }

    public Schema Schema { get; }

    public OperationDefinitionNode Operation { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public RequestContext Request { get; }

    /// <summary>Collects selection sets for this operation's variables and fragments.</summary>
    internal FieldCollector Collector => _collector;

    public async Task<ExecutionResult> ExecuteAsync(ObjectType rootType, object? rootValue)
    {
        var plan = _collector.Collect(rootType, [Operation.SelectionSet]);
        var data = new ResultMap(plan.Keys);
        for (var i = 0; i < plan.Fields.Length; i++)
        {
            Enqueue(rootType, rootValue, data, i, plan.Fields[i]);

            // Mutation fields run serially: each with its whole subtree before the next (spec §6.2.2).
            if (Operation.Operation == OperationType.Mutation)
            {
                await DrainAsync().ConfigureAwait(false);
            }
        }

        await DrainAsync().ConfigureAwait(false);
        return new ExecutionResult { Data = _dataNulledOut ? null : data, HasData = true, Errors = _errors.Count > 0 ? _errors : null };
    }

    /// <summary>Resolves the source stream of a subscription's single root field (spec §6.2.3.1).</summary>
    public async Task<(IAsyncEnumerable<object?>? Stream, IReadOnlyList<GraphQLError> Errors)> SubscribeAsync(ObjectType rootType, object? rootValue)
    {
        var plan = _collector.Collect(rootType, [Operation.SelectionSet]);
        var field = plan.Fields[0];
        var task = new FieldTask(this, rootType, rootValue, new ResultMap(plan.Keys), 0, field);
        try
        {
            var subscriber = field.Definition.Subscriber
                ?? throw new GraphQLException($"Subscription field \"{field.Definition.Name}\" has no source stream.");
            _ = task.Arguments;
            return (await subscriber(task).ConfigureAwait(false), []);
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return (null, [ToError(exception, task).WithPath([field.ResponseKey], field.Locations)]);
        }
    }

    public void AddError(GraphQLError error) => _errors.Add(error);

    private void Enqueue(ObjectType parentType, object? source, ResultMap target, int slot, CollectedField field) =>
        _queue.Enqueue(new FieldTask(this, parentType, source, target, slot, field));

    private async Task DrainAsync()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var task))
            {
                await RunAsync(task).ConfigureAwait(false);
            }

            if (_parked.Count == 0 && !Request.DataLoaders.HasPending)
            {
                return;
            }

            await Request.DataLoaders.DispatchAsync(Request.CancellationToken).ConfigureAwait(false);
            var parked = _parked.ToArray();
            _parked.Clear();
            foreach (var value in parked)
            {
                if (value.Deferred.IsCompleted)
                {
                    CompleteValue(value.Type, value.Deferred, value.Node, value.Slot, value.Field);
                }
                else
                {
                    Fail(value.Node, value.Slot, value.Type is NonNullType, value.Field,
                        new GraphQLError("The deferred value was never loaded: it does not belong to a DataLoader of this request."));
                }
            }
        }
    }

    private async ValueTask RunAsync(FieldTask task)
    {
        if (task.Target.IsDiscarded)
        {
            return;
        }

        object? value;
        try
        {
            _ = task.Arguments;
            var pending = task.Collected.Definition.Resolver!(task);
            value = pending.IsCompletedSuccessfully ? pending.Result : await pending.ConfigureAwait(false);
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            Fail(task.Target, task.Slot, task.Field.Type is NonNullType, task, ToError(exception, task));
            return;
        }

        CompleteValue(task.Field.Type, value, task.Target, task.Slot, task);
    }

    /// <summary>Completes a value into a slot (spec §6.4.3 CompleteValue); errors null the slot and propagate.</summary>
    private void CompleteValue(GraphQLType type, object? value, ResultNode node, int slot, FieldTask field)
    {
        var isNonNull = type is NonNullType;
        if (value is IDeferredValue deferred)
        {
            if (!deferred.IsCompleted)
            {
                _parked.Add(new ParkedValue(deferred, type, node, slot, field));
                return;
            }

            try
            {
                value = deferred.GetResult();
            }
            catch (Exception exception) when (!IsCancellation(exception))
            {
                Fail(node, slot, isNonNull, field, ToError(exception, field));
                return;
            }

            if (value is IDeferredValue)
            {
                CompleteValue(type, value, node, slot, field);
                return;
            }
        }

        if (value is null)
        {
            if (isNonNull)
            {
                Fail(node, slot, true, field, new GraphQLError($"Cannot return null for non-nullable field {field.ParentType.Name}.{field.Field.Name}."));
            }
            else
            {
                node.SetSlot(slot, null);
            }

            return;
        }

        try
        {
            switch (type.Nullable)
            {
                case ListType list:
                    CompleteList(list, value, node, slot, isNonNull, field);
                    break;
                case ScalarType scalar:
                    node.SetSlot(slot, scalar.Serialize(value));
                    break;
                case EnumType enumType:
                    node.SetSlot(slot, enumType.FindByInternalValue(value)?.Name
                        ?? throw new CoercionException($"Enum \"{enumType.Name}\" cannot represent value: {Inspect.Value(value)}"));
                    break;
                default:
                    CompleteObject((NamedType)type.Nullable, value, node, slot, isNonNull, field);
                    break;
            }
        }
        catch (Exception exception) when (exception is CoercionException or GraphQLException)
        {
            Fail(node, slot, isNonNull, field, new GraphQLError(exception.Message, extensions: (exception as GraphQLException)?.Extensions));
        }
    }

    private void CompleteList(ListType type, object value, ResultNode node, int slot, bool isNonNull, FieldTask field)
    {
        if (value is string || value is not IEnumerable items)
        {
            throw new GraphQLException($"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.Field.Name}\".");
        }

        var values = items as IList ?? items.Cast<object?>().ToList();
        var list = new ResultList(values.Count) { Parent = node, IndexInParent = slot, NonNullInParent = isNonNull };
        node.SetSlot(slot, list);
        for (var i = 0; i < values.Count && !list.IsNulledOut; i++)
        {
            CompleteValue(type.OfType, values[i], list, i, field);
        }
    }

    private void CompleteObject(NamedType type, object value, ResultNode node, int slot, bool isNonNull, FieldTask field)
    {
        var objectType = type as ObjectType ?? ResolveAbstractType(type, value, field);
        var plan = field.Collected.SubFields(objectType, _collector);
        var map = new ResultMap(plan.Keys) { Parent = node, IndexInParent = slot, NonNullInParent = isNonNull };
        node.SetSlot(slot, map);
        for (var i = 0; i < plan.Fields.Length; i++)
        {
            var subField = plan.Fields[i];
            if (subField.Definition == Schema.TypeNameField)
            {
                map.SetSlot(i, objectType.Name);
            }
            else
            {
                Enqueue(objectType, value, map, i, subField);
            }
        }
    }

    /// <summary>Finds the object type of a value of an interface or union (spec §6.4.3 ResolveAbstractType).</summary>
    private ObjectType ResolveAbstractType(NamedType abstractType, object value, FieldTask field)
    {
        var resolver = (abstractType as InterfaceType)?.ResolveType ?? (abstractType as UnionType)?.ResolveType;
        var possibleTypes = Schema.GetPossibleTypes(abstractType);
        ObjectType? resolved;
        if (resolver?.Invoke(value) is { } name)
        {
            resolved = Schema.GetType(name) as ObjectType
                ?? throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{name}\" that does not exist inside the schema.");
        }
        else
        {
            resolved = possibleTypes.FirstOrDefault(t => t.Accepts(value))
                ?? throw new GraphQLException($"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{field.ParentType.Name}.{field.Field.Name}\". Either the \"{abstractType.Name}\" type should provide a type resolver or each possible type should be bound to a CLR type or provide IsTypeOf.");
        }

        return Schema.IsPossibleType(abstractType, resolved)
            ? resolved
            : throw new GraphQLException($"Runtime Object type \"{resolved.Name}\" is not a possible type for \"{abstractType.Name}\".");
    }

    /// <summary>Records a field error and nulls the slot, or its nearest nullable ancestor (spec §6.4.4).</summary>
    private void Fail(ResultNode node, int slot, bool isNonNull, FieldTask field, GraphQLError error)
    {
        if (node.IsDiscarded)
        {
            return;
        }

        _errors.Add(error.WithPath(node.PathTo(slot), field.Collected.Locations));
        while (isNonNull)
        {
            node.IsNulledOut = true;
            if (node.Parent is null)
            {
                _dataNulledOut = true;
                return;
            }

            slot = node.IndexInParent;
            isNonNull = node.NonNullInParent;
            node = node.Parent;
        }

        node.SetSlot(slot, null);
    }

    private GraphQLError ToError(Exception exception, IResolveContext context)
    {
        if (_options.ErrorFilter?.Invoke(exception, context) is { } filtered)
        {
            return filtered;
        }

        if (exception is GraphQLException graphQLException)
        {
            return graphQLException.ToError();
        }

        _options.OnUnexpectedException?.Invoke(exception, context);
        return new GraphQLError(
            _options.ExposeExceptionMessages ? exception.Message : "Unexpected error.",
            extensions: new Dictionary<string, object?> { ["code"] = "INTERNAL_SERVER_ERROR" },
            originalException: exception);
    }

    private bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException && Request.CancellationToken.IsCancellationRequested;

    private readonly record struct ParkedValue(IDeferredValue Deferred, GraphQLType Type, ResultNode Node, int Slot, FieldTask Field);
}
