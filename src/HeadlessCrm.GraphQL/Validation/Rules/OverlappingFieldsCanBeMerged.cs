using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>
/// Spec §5.3.2 Field Selection Merging (FieldsInSetCanMerge): fields that share a response key can be merged into
/// one value. Fields and spreads of each selection set are gathered once and fragment pairs are compared once, so
/// documents that reuse fragments heavily stay cheap to check.
/// </summary>
public sealed class OverlappingFieldsCanBeMerged : ValidationRule
{
    private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _cache = [];
    private readonly Dictionary<(string, string), bool> _comparedFragmentPairs = [];
    private ValidationContext _context = null!;

    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not SelectionSetNode selectionSet)
        {
            return;
        }

        _context = context;
        var conflicts = new List<Conflict>();
        var (fields, fragmentNames) = Gather(context.TypeInfo.ParentType, selectionSet);
        CollectConflictsWithin(conflicts, fields);
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            CollectConflictsWithFragment(conflicts, [], false, fields, fragmentNames[i]);
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }

        foreach (var conflict in conflicts)
        {
            context.ReportError(
                $"Fields \"{conflict.ResponseKey}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                [.. conflict.Fields1, .. conflict.Fields2]);
        }
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, Dictionary<string, List<FieldEntry>> fields)
    {
        foreach (var (key, entries) in fields)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                for (var j = i + 1; j < entries.Count; j++)
                {
                    AddIfConflict(conflicts, FindConflict(false, key, entries[i], entries[j]));
                }
            }
        }
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool mutuallyExclusive, Dictionary<string, List<FieldEntry>> first, Dictionary<string, List<FieldEntry>> second)
    {
        foreach (var (key, entries1) in first)
        {
            if (!second.TryGetValue(key, out var entries2))
            {
                continue;
            }

            foreach (var entry1 in entries1)
            {
                foreach (var entry2 in entries2)
                {
                    AddIfConflict(conflicts, FindConflict(mutuallyExclusive, key, entry1, entry2));
                }
            }
        }
    }

    private void CollectConflictsWithFragment(
        List<Conflict> conflicts, HashSet<string> visited, bool mutuallyExclusive, Dictionary<string, List<FieldEntry>> fields, string fragmentName)
    {
        if (!visited.Add(fragmentName) || _context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var (fragmentFields, nestedNames) = GatherFragment(fragment);
        if (ReferenceEquals(fields, fragmentFields))
        {
            return;
        }

        CollectConflictsBetween(conflicts, mutuallyExclusive, fields, fragmentFields);
        foreach (var nested in nestedNames)
        {
            CollectConflictsWithFragment(conflicts, visited, mutuallyExclusive, fields, nested);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool mutuallyExclusive, string name1, string name2)
    {
        if (name1 == name2 || WasCompared(name1, name2, mutuallyExclusive)
            || _context.GetFragment(name1) is not { } fragment1 || _context.GetFragment(name2) is not { } fragment2)
        {
            return;
        }

        var (fields1, names1) = GatherFragment(fragment1);
        var (fields2, names2) = GatherFragment(fragment2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, fields1, fields2);
        foreach (var nested in names2)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, nested);
        }

        foreach (var nested in names1)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, nested, name2);
        }
    }

    /// <summary>A pair compared when not mutually exclusive needs no second look when it is: the first check was stricter.</summary>
    private bool WasCompared(string name1, string name2, bool mutuallyExclusive)
    {
        var key = string.CompareOrdinal(name1, name2) < 0 ? (name1, name2) : (name2, name1);
        if (_comparedFragmentPairs.TryGetValue(key, out var comparedExclusive) && (!comparedExclusive || mutuallyExclusive))
        {
            return true;
        }

        _comparedFragmentPairs[key] = mutuallyExclusive;
        return false;
    }

    private Conflict? FindConflict(bool parentsMutuallyExclusive, string responseKey, FieldEntry first, FieldEntry second)
    {
        // Fields on two different object types can never both apply to one value, so only their shapes must agree.
        var mutuallyExclusive = parentsMutuallyExclusive
            || (first.ParentType != second.ParentType && first.ParentType is ObjectType && second.ParentType is ObjectType);
        if (!mutuallyExclusive)
        {
            if (first.Node.Name.Value != second.Node.Name.Value)
            {
                return new Conflict(responseKey, $"\"{first.Node.Name.Value}\" and \"{second.Node.Name.Value}\" are different fields", [first.Node], [second.Node]);
            }

            if (!SameArguments(first.Node, second.Node))
            {
                return new Conflict(responseKey, "they have differing arguments", [first.Node], [second.Node]);
            }
        }

        var type1 = first.Definition?.Type;
        var type2 = second.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new Conflict(responseKey, $"they return conflicting types \"{type1}\" and \"{type2}\"", [first.Node], [second.Node]);
        }

        if (first.Node.SelectionSet is null || second.Node.SelectionSet is null)
        {
            return null;
        }

        var subConflicts = FindConflictsBetweenSubSelections(mutuallyExclusive, type1?.Named, first.Node.SelectionSet, type2?.Named, second.Node.SelectionSet);
        if (subConflicts.Count == 0)
        {
            return null;
        }

        var reason = string.Join(" and ", subConflicts.Select(c => $"subfields \"{c.ResponseKey}\" conflict because {c.Reason}"));
        return new Conflict(responseKey, reason, [first.Node, .. subConflicts.SelectMany(c => c.Fields1)], [second.Node, .. subConflicts.SelectMany(c => c.Fields2)]);
    }

    private List<Conflict> FindConflictsBetweenSubSelections(bool mutuallyExclusive, NamedType? type1, SelectionSetNode set1, NamedType? type2, SelectionSetNode set2)
    {
        var conflicts = new List<Conflict>();
        var (fields1, names1) = Gather(type1, set1);
        var (fields2, names2) = Gather(type2, set2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, fields1, fields2);
        foreach (var name in names2)
        {
            CollectConflictsWithFragment(conflicts, [], mutuallyExclusive, fields1, name);
        }

        foreach (var name in names1)
        {
            CollectConflictsWithFragment(conflicts, [], mutuallyExclusive, fields2, name);
        }

        foreach (var name1 in names1)
        {
            foreach (var name2 in names2)
            {
                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, name2);
            }
        }

        return conflicts;
    }

    private static bool SameArguments(FieldNode first, FieldNode second) =>
        first.Arguments.Count == second.Arguments.Count
        && first.Arguments.All(a => second.Arguments.FirstOrDefault(b => b.Name.Value == a.Name.Value) is { } match
            && Printer.Print(match.Value) == Printer.Print(a.Value));

    /// <summary>Two types conflict when their list/non-null shapes differ or when their leaf types differ.</summary>
    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2) => (type1, type2) switch
    {
        (ListType a, ListType b) => DoTypesConflict(a.OfType, b.OfType),
        (ListType, _) or (_, ListType) => true,
        (NonNullType a, NonNullType b) => DoTypesConflict(a.OfType, b.OfType),
        (NonNullType, _) or (_, NonNullType) => true,
        (NamedType a, NamedType b) when a.IsLeaf || b.IsLeaf => a != b,
        _ => false,
    };

    private static void AddIfConflict(List<Conflict> conflicts, Conflict? conflict)
    {
        if (conflict is not null)
        {
            conflicts.Add(conflict);
        }
    }

    private FieldsAndFragments GatherFragment(FragmentDefinitionNode fragment) =>
        Gather(_context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);

    /// <summary>The fields of a selection set by response key (through inline fragments) and the names of the fragments it spreads.</summary>
    private FieldsAndFragments Gather(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_cache.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var gathered = new FieldsAndFragments(new Dictionary<string, List<FieldEntry>>(StringComparer.Ordinal), []);
        GatherInto(parentType, selectionSet, gathered);
        _cache[selectionSet] = gathered;
        return gathered;
    }

    private void GatherInto(NamedType? parentType, SelectionSetNode selectionSet, FieldsAndFragments gathered)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is null ? null : _context.Schema.GetField(parentType, field.Name.Value);
                    if (!gathered.Fields.TryGetValue(field.ResponseKey, out var entries))
                    {
                        gathered.Fields[field.ResponseKey] = entries = [];
                    }

                    entries.Add(new FieldEntry(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread when !gathered.FragmentNames.Contains(spread.Name.Value):
                    gathered.FragmentNames.Add(spread.Name.Value);
                    break;
                case InlineFragmentNode inline:
                    var conditionType = inline.TypeCondition is null ? parentType : _context.Schema.GetType(inline.TypeCondition.Name.Value);
                    GatherInto(conditionType, inline.SelectionSet, gathered);
                    break;
            }
        }
    }

    private sealed record FieldEntry(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    private sealed record FieldsAndFragments(Dictionary<string, List<FieldEntry>> Fields, List<string> FragmentNames);

    private sealed record Conflict(string ResponseKey, string Reason, IReadOnlyList<FieldNode> Fields1, IReadOnlyList<FieldNode> Fields2);
}
