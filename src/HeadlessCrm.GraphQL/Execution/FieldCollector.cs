using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// Groups the fields of selection sets by response key for one object type, through fragments (spec §6.3.2
/// CollectFields). Given variables, it applies @skip and @include; without them (validation's view of a document)
/// it keeps every selection.
/// </summary>
internal sealed class FieldCollector(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?>? variables)
{
    public FieldPlan Collect(ObjectType type, IEnumerable<SelectionSetNode> selectionSets)
    {
        var fields = new List<CollectedField>();
        foreach (var nodes in Group(type, selectionSets))
        {
            if (schema.GetField(type, nodes[0].Name.Value) is { } definition)
            {
                fields.Add(new CollectedField(nodes[0].ResponseKey, [.. nodes], definition));
            }
        }

        return new FieldPlan([.. fields]);
    }

    /// <summary>The field nodes of each response key, keys in the order they first appear.</summary>
    public List<List<FieldNode>> Group(ObjectType type, IEnumerable<SelectionSetNode> selectionSets)
    {
        var order = new List<List<FieldNode>>();
        var groups = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selectionSet in selectionSets)
        {
            CollectInto(type, selectionSet, order, groups, visitedFragments);
        }

        return order;
    }

    private void CollectInto(ObjectType type, SelectionSetNode selectionSet, List<List<FieldNode>> order, Dictionary<string, List<FieldNode>> groups, HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    if (!groups.TryGetValue(field.ResponseKey, out var nodes))
                    {
                        groups[field.ResponseKey] = nodes = [];
                        order.Add(nodes);
                    }

                    nodes.Add(field);
                    break;
                case InlineFragmentNode inline when Applies(type, inline.TypeCondition):
                    CollectInto(type, inline.SelectionSet, order, groups, visitedFragments);
                    break;
                case FragmentSpreadNode spread when visitedFragments.Add(spread.Name.Value)
                    && fragments.TryGetValue(spread.Name.Value, out var fragment) && Applies(type, fragment.TypeCondition):
                    CollectInto(type, fragment.SelectionSet, order, groups, visitedFragments);
                    break;
            }
        }
    }

    private bool Applies(ObjectType type, NamedTypeNode? condition)
    {
        if (condition is null)
        {
            return true;
        }

        var conditionType = schema.GetType(condition.Name.Value);
        return conditionType == type || (conditionType is { IsAbstract: true } && schema.IsPossibleType(conditionType, type));
    }

    /// <summary>@skip(if: true) and @include(if: false) leave a selection out (spec §3.13.2, §3.13.3).</summary>
    private bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        if (variables is null)
        {
            return true;
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var definition = name == "skip" ? BuiltInDirectives.Skip : BuiltInDirectives.Include;
            var condition = (bool)ArgumentValues.Coerce(definition.Arguments, directive.Arguments, variables)["if"]!;
            if (condition == (name == "skip"))
            {
                return false;
            }
        }

        return true;
    }
}
