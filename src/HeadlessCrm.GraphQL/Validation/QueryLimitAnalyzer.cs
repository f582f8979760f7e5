using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation;

/// <summary>
/// Measures an operation's depth, aliases and complexity against <see cref="QueryLimits"/>; runs per request,
/// after variables are known, because list sizes such as <c>first: $n</c> depend on them.
/// </summary>
public static class QueryLimitAnalyzer
{
    public static IReadOnlyList<GraphQLError> Check(
        Schema schema, DocumentNode document, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? variables, QueryLimits limits)
    {
        if (limits.MaxDepth is null && limits.MaxAliases is null && limits.MaxComplexity is null)
        {
            return [];
        }

        var fragments = document.Definitions.OfType<FragmentDefinitionNode>()
            .GroupBy(f => f.Name.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var measure = new Measure(schema, fragments, variables, limits);
        var complexity = measure.Selections(schema.GetRootType(operation.Operation), operation.SelectionSet, 1, []);
        var errors = new List<GraphQLError>();
        var location = operation.Location.ToSourceLocation();
        Report(errors, limits.MaxDepth, measure.MaxDepth, "MAX_DEPTH_EXCEEDED", $"Query depth {measure.MaxDepth} exceeds the maximum allowed depth of {limits.MaxDepth}.", location);
        Report(errors, limits.MaxAliases, measure.Aliases, "MAX_ALIASES_EXCEEDED", $"Query uses {measure.Aliases} aliases, more than the maximum of {limits.MaxAliases}.", location);
        Report(errors, limits.MaxComplexity, complexity, "MAX_COMPLEXITY_EXCEEDED", $"Query complexity {complexity} exceeds the maximum allowed complexity of {limits.MaxComplexity}.", location);
        return errors;
    }

    private static void Report(List<GraphQLError> errors, int? limit, long measured, string code, string message, Language.SourceLocation location)
    {
        if (limit is { } max && measured > max)
        {
            errors.Add(new GraphQLError(message, [location], extensions: new Dictionary<string, object?>
            {
                ["code"] = code,
                ["limit"] = max,
                ["measured"] = measured,
            }));
        }
    }

    private sealed class Measure(Schema schema, Dictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?>? variables, QueryLimits limits)
    {
        public int MaxDepth { get; private set; }

        public int Aliases { get; private set; }

        /// <summary>The complexity of a selection set at a depth; fragments are expanded where spread, once per path.</summary>
        public long Selections(NamedType? parentType, SelectionSetNode selectionSet, int depth, HashSet<string> fragmentPath)
        {
            long total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field when !field.Name.Value.StartsWith("__", StringComparison.Ordinal):
                        total = Saturating(total + Field(parentType, field, depth, fragmentPath));
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? parentType : schema.GetType(inline.TypeCondition.Name.Value);
                        total = Saturating(total + Selections(inlineType, inline.SelectionSet, depth, fragmentPath));
                        break;
                    case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment) && fragmentPath.Add(spread.Name.Value):
                        total = Saturating(total + Selections(schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet, depth, fragmentPath));
                        fragmentPath.Remove(spread.Name.Value);
                        break;
                }
            }

            return total;
        }

        private long Field(NamedType? parentType, FieldNode field, int depth, HashSet<string> fragmentPath)
        {
            MaxDepth = Math.Max(MaxDepth, depth);
            if (field.Alias is not null)
            {
                Aliases++;
            }

            var definition = parentType is null ? null : schema.GetField(parentType, field.Name.Value);
            long cost = definition?.Cost ?? limits.DefaultFieldCost;
            if (field.SelectionSet is null)
            {
                return cost;
            }

            var children = Selections(definition?.Type.Named, field.SelectionSet, depth + 1, fragmentPath);
            // A size argument (given, or its default) multiplies what is beneath the field, list or connection alike;
            // a list without one counts DefaultListSize items.
            var size = ListSize(field, definition) ?? (definition?.Type.Nullable is ListType ? limits.DefaultListSize : 1);
            return Saturating(cost + Saturating(size * children));
        }

        private long? ListSize(FieldNode field, FieldDefinition? definition)
        {
            foreach (var argument in field.Arguments)
            {
                if (!limits.ListSizeArguments.Contains(argument.Name.Value))
                {
                    continue;
                }

                var value = argument.Value switch
                {
                    IntValueNode literal => long.TryParse(literal.Value, out var size) ? size : (long?)null,
                    VariableNode variable => variables?.GetValueOrDefault(variable.Name.Value) switch
                    {
                        int i => i,
                        long l => l,
                        decimal d => (long)d,
                        _ => null,
                    },
                    _ => null,
                };
                if (value is { } known)
                {
                    return Math.Max(0, known);
                }
            }

            foreach (var name in limits.ListSizeArguments)
            {
                if (definition?.GetArgument(name) is { HasDefaultValue: true, DefaultValue: var fallback })
                {
                    return fallback switch
                    {
                        int i => Math.Max(0, i),
                        long l => Math.Max(0, l),
                        _ => null,
                    };
                }
            }

            return null;
        }

        private static long Saturating(long value) => value < 0 ? long.MaxValue : value;
    }
}
