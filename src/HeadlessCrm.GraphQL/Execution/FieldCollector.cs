using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>Groups the fields of selection sets by response key for one object type, applying @skip, @include and fragments (spec §6.3.2 CollectFields).</summary>
internal sealed class FieldCollector(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables)
{
    public FieldPlan Collect(ObjectType type, IEnumerable<SelectionSetNode> selectionSets)
    {
        var order = new List<string>();
        var groups = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selectionSet in selectionSets)
        {
            CollectInto(type, selectionSet, order, groups, visitedFragments);
        }

        var fields = new List<CollectedField>(order.Count);
        foreach (var key in order)
        {
            var nodes = groups[key];
            if (schema.GetField(type, nodes[0].Name.Value) is { } definition)
            {
                fields.Add(new CollectedField(key, [.. nodes], definition));
            }
        }

        return new FieldPlan([.. fields]);
    }

    private void CollectInto(ObjectType type, SelectionSetNode selectionSet, List<string> order, Dictionary<string, List<FieldNode>> groups, HashSet<string> visitedFragments)
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
                    var key = field.ResponseKey;
                    if (!groups.TryGetValue(key, out var nodes))
                    {
                        groups[key] = nodes = [];
                        order.Add(key);
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
