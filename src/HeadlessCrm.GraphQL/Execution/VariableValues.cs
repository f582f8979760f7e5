using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>Coerces the variables a request supplied against the operation's definitions (spec §6.1.2 CoerceVariableValues).</summary>
internal static class VariableValues
{
    public static IReadOnlyDictionary<string, object?> Coerce(
        Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? provided, List<GraphQLError> errors)
    {
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            var type = schema.GetType(definition.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(Error($"Variable \"${name}\" expected value of type \"{definition.Type}\" which cannot be used as an input type.", definition));
                continue;
            }

            if (provided is null || !provided.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    if (LiteralCoercion.TryCoerce(definition.DefaultValue, type, null, out var defaultValue))
                    {
                        coerced[name] = defaultValue;
                    }
                    else
                    {
                        errors.Add(Error($"Variable \"${name}\" has an invalid default value.", definition));
                    }
                }
                else if (type is NonNullType)
                {
                    errors.Add(Error($"Variable \"${name}\" of required type \"{type}\" was not provided.", definition));
                }

                continue;
            }

            if (value is null && type is NonNullType)
            {
                errors.Add(Error($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", definition));
                continue;
            }

            try
            {
                coerced[name] = InputCoercion.Coerce(value, type, name);
            }
            catch (InputError error)
            {
                var at = error.Path == name ? string.Empty : $" at \"{error.Path}\"";
                errors.Add(Error($"Variable \"${name}\" got invalid value {Inspect.Value(value)}{at}; {error.Message}", definition));
            }
        }

        return coerced;
    }

    private static GraphQLError Error(string message, VariableDefinitionNode node) =>
        new(message, [node.Location.ToSourceLocation()], extensions: new Dictionary<string, object?> { ["code"] = "BAD_USER_INPUT" });
}
