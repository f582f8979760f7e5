using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation;

/// <summary>
/// What rules share while validating one document: the schema, the type information of the current node, the
/// errors so far, and cached answers about fragments and variable usages so each rule stays short.
/// </summary>
public sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _spreads = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _recursiveFragments = [];
    private readonly Dictionary<SyntaxNode, IReadOnlyList<VariableUsage>> _variableUsages = [];
    private readonly int _maxErrors;

    public ValidationContext(Schema schema, DocumentNode document, int maxErrors = 100)
    {
        Schema = schema;
        Document = document;
        TypeInfo = new TypeInfo(schema);
        _maxErrors = maxErrors;
        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
        {
            _fragments.TryAdd(fragment.Name.Value, fragment);
        }
    }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    public TypeInfo TypeInfo { get; }

    public IReadOnlyList<GraphQLError> Errors => _errors;

    /// <summary>The nodes from the document down to the current one (inclusive), as the walk stands.</summary>
    public IReadOnlyList<SyntaxNode> Ancestors => AncestorStack;

    /// <summary>The node that holds the current one, e.g. the field or directive of an argument.</summary>
    public SyntaxNode? Parent => AncestorStack.Count > 1 ? AncestorStack[^2] : null;

    internal List<SyntaxNode> AncestorStack { get; } = [];

    public void ReportError(string message, params SyntaxNode[] nodes)
    {
        if (_errors.Count >= _maxErrors)
        {
            _errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted."));
            throw new ValidationAbortedException();
        }

        _errors.Add(new GraphQLError(
            message,
            [.. nodes.Select(n => n.Location.ToSourceLocation())],
            extensions: new Dictionary<string, object?> { ["code"] = "GRAPHQL_VALIDATION_FAILED" }));
    }

    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>The fragment spreads of a selection set, including those inside its inline fragments, but not inside fields.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_spreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var spreads = new List<FragmentSpreadNode>();
        var pending = new Stack<SelectionSetNode>([selectionSet]);
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case FieldNode { SelectionSet: { } fieldSelections }:
                        pending.Push(fieldSelections);
                        break;
                }
            }
        }

        _spreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_recursiveFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SelectionSetNode>([operation.SelectionSet]);
        while (pending.TryPop(out var set))
        {
            foreach (var spread in GetFragmentSpreads(set))
            {
                if (collected.Add(spread.Name.Value) && GetFragment(spread.Name.Value) is { } fragment)
                {
                    fragments.Add(fragment);
                    pending.Push(fragment.SelectionSet);
                }
            }
        }

        _recursiveFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used inside a definition, with the input type each position expects.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(SyntaxNode definition)
    {
        if (_variableUsages.TryGetValue(definition, out var cached))
        {
            return cached;
        }

        var collector = new VariableUsageCollector(Schema);
        collector.Walk(definition);
        _variableUsages[definition] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>The variables an operation uses, including inside every fragment it references.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation) =>
        [.. GetVariableUsages(operation), .. GetRecursivelyReferencedFragments(operation).SelectMany(GetVariableUsages)];

    private sealed class VariableUsageCollector(Schema schema) : SyntaxWalker
    {
        private readonly TypeInfo _typeInfo = new(schema);

        public List<VariableUsage> Usages { get; } = [];

        protected override bool Enter(SyntaxNode node)
        {
            _typeInfo.Enter(node);
            if (node is VariableDefinitionNode)
            {
                _typeInfo.Leave(node);
                return false;
            }

            if (node is VariableNode variable)
            {
                Usages.Add(new VariableUsage(variable, _typeInfo.InputType, _typeInfo.HasDefaultValue, _typeInfo.ParentInputType));
            }

            return true;
        }

        protected override void Leave(SyntaxNode node) => _typeInfo.Leave(node);
    }
}
