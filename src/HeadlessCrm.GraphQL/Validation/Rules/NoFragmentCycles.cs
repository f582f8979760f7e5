using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.2.2 Fragment Spreads Must Not Form Cycles; each cycle is reported once, with the path that closes it.</summary>
public sealed class NoFragmentCycles : ValidationRule
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _path = [];
    private readonly Dictionary<string, int> _pathIndexByName = new(StringComparer.Ordinal);

    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            Detect(fragment, context);
        }
    }

    private void Detect(FragmentDefinitionNode fragment, ValidationContext context)
    {
        var name = fragment.Name.Value;
        if (!_visited.Add(name))
        {
            return;
        }

        _pathIndexByName[name] = _path.Count;
        foreach (var spread in context.GetFragmentSpreads(fragment.SelectionSet))
        {
            var target = spread.Name.Value;
            if (!_pathIndexByName.TryGetValue(target, out var cycleStart))
            {
                _path.Add(spread);
                if (context.GetFragment(target) is { } next)
                {
                    Detect(next, context);
                }

                _path.RemoveAt(_path.Count - 1);
                continue;
            }

            var cycle = _path.Skip(cycleStart).Append(spread).ToList();
            var via = cycle.Count > 1 ? " via " + string.Join(", ", cycle.Take(cycle.Count - 1).Select(s => $"\"{s.Name.Value}\"")) : string.Empty;
            context.ReportError($"Cannot spread fragment \"{target}\" within itself{via}.", [.. cycle]);
        }

        _pathIndexByName.Remove(name);
    }
}
