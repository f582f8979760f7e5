using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>Coerces the arguments of a field or directive (spec §6.4.1 CoerceArgumentValues).</summary>
internal static class ArgumentValues
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    /// <summary>The coerced values by name; omitted arguments without a default are left out. Throws GraphQLException when invalid.</summary>
    public static IReadOnlyDictionary<string, object?> Coerce(
        IReadOnlyList<InputValueDefinition> definitions, IReadOnlyList<ArgumentNode> nodes, IReadOnlyDictionary<string, object?> variables)
    {
        if (definitions.Count == 0)
        {
            return None;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var node = FindArgument(nodes, definition.Name);
            var isMissing = node is null
                || (node.Value is VariableNode variable && !variables.ContainsKey(variable.Name.Value));
            if (isMissing)
            {
                if (definition.HasDefaultValue)
                {
                    coerced[definition.Name] = definition.DefaultValue;
                }
                else if (definition.Type is NonNullType)
                {
                    throw node is null
                        ? new GraphQLException($"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was not provided.")
                        : new GraphQLException($"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was provided the variable \"{Printer.Print(node.Value)}\" which was not provided a runtime value.");
                }

                continue;
            }

            if (!LiteralCoercion.TryCoerce(node!.Value, definition.Type, variables, out var value))
            {
                throw node.Value is VariableNode
                    ? new GraphQLException($"Argument \"{definition.Name}\" of non-null type \"{definition.Type}\" must not be null.")
                    : new GraphQLException($"Argument \"{definition.Name}\" has invalid value {Printer.Print(node.Value)}.");
            }

            coerced[definition.Name] = value;
        }

        return coerced;
    }

    private static ArgumentNode? FindArgument(IReadOnlyList<ArgumentNode> nodes, string name)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Name.Value == name)
            {
                return nodes[i];
            }
        }

        return null;
    }
}
