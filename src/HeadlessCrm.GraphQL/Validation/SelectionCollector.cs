using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation;

/// <summary>Groups the fields a selection set selects on an object type by response key, through fragments, without evaluating directives.</summary>
internal sealed class SelectionCollector(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
{
    public List<List<FieldNode>> Collect(ObjectType type, SelectionSetNode selectionSet)
    {
        var groups = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<List<FieldNode>>();
        CollectInto(type, selectionSet, groups, order, new HashSet<string>(StringComparer.Ordinal));
        return order;
    }

    private void CollectInto(ObjectType type, SelectionSetNode selectionSet, Dictionary<string, List<FieldNode>> groups, List<List<FieldNode>> order, HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (!groups.TryGetValue(field.ResponseKey, out var group))
                    {
                        groups[field.ResponseKey] = group = [];
                        order.Add(group);
                    }

                    group.Add(field);
                    break;
                case InlineFragmentNode inline when Applies(type, inline.TypeCondition):
                    CollectInto(type, inline.SelectionSet, groups, order, visited);
                    break;
                case FragmentSpreadNode spread when visited.Add(spread.Name.Value)
                    && fragments.TryGetValue(spread.Name.Value, out var fragment) && Applies(type, fragment.TypeCondition):
                    CollectInto(type, fragment.SelectionSet, groups, order, visited);
                    break;
            }
        }
    }

    private bool Applies(ObjectType type, NamedTypeNode? condition) =>
        condition is null || schema.GetType(condition.Name.Value) is { } conditionType
            && (conditionType == type || (conditionType.IsAbstract && schema.IsPossibleType(conditionType, type)));
}
