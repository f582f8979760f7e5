using System.Text.RegularExpressions;

namespace HeadlessCrm.GraphQL.Types;

/// <summary>Checks a schema against the type system's rules (spec §3: the "Type Validation" of each kind of type).</summary>
public static partial class SchemaValidator
{
    public static IReadOnlyList<string> Validate(Schema schema)
    {
        var errors = new List<string>();
        foreach (var type in schema.TypeList.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            if (!Scalars.All.Contains(type))
            {
                ValidateName(type.Name, errors);
            }

            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(complex, errors);
                    ValidateInterfaces(schema, complex, errors);
                    break;
                case UnionType union when union.Types.Count == 0:
                    errors.Add($"Union type {union.Name} must define one or more member types.");
                    break;
                case EnumType enumType:
                    ValidateEnum(enumType, errors);
                    break;
                case InputObjectType input:
                    ValidateInputObject(input, errors);
                    break;
            }
        }

        foreach (var directive in schema.DirectiveList)
        {
            ValidateName(directive.Name, errors);
            ValidateArguments($"@{directive.Name}", directive.Arguments, errors);
        }

        return errors;
    }

    private static void ValidateName(string name, List<string> errors)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        }
        else if (!NamePattern().IsMatch(name))
        {
            errors.Add($"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not.");
        }
    }

    private static void ValidateFields(ComplexType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, errors);
            if (!field.Type.IsOutputType)
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            ValidateArguments($"{type.Name}.{field.Name}", field.Arguments, errors);
        }
    }

    private static void ValidateArguments(string owner, IReadOnlyList<InputValueDefinition> arguments, List<string> errors) =>
        ValidateInputValues(arguments, a => $"{owner}({a.Name}:)", "argument", errors);

    /// <summary>Arguments and input fields alike: valid names, input types, and no deprecation of what is required.</summary>
    private static void ValidateInputValues(
        IReadOnlyList<InputValueDefinition> values, Func<InputValueDefinition, string> describe, string kind, List<string> errors)
    {
        foreach (var value in values)
        {
            ValidateName(value.Name, errors);
            if (!value.Type.IsInputType)
            {
                errors.Add($"The type of {describe(value)} must be Input Type but got: {value.Type}.");
            }

            if (value.IsDeprecated && value.Type is NonNullType && !value.HasDefaultValue)
            {
                errors.Add($"Required {kind} {describe(value)} cannot be deprecated.");
            }
        }
    }

    private static void ValidateInterfaces(Schema schema, ComplexType type, List<string> errors)
    {
        foreach (var interfaceType in type.Interfaces)
        {
            if (interfaceType == type)
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            foreach (var transitive in interfaceType.Interfaces.Where(t => !type.Implements(t)))
            {
                errors.Add(transitive == type
                    ? $"Type {type.Name} cannot implement {interfaceType.Name} because it would create a circular reference."
                    : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {interfaceType.Name}.");
            }

            foreach (var expected in interfaceType.Fields)
            {
                ValidateImplementedField(schema, type, interfaceType, expected, errors);
            }
        }
    }

    private static void ValidateImplementedField(Schema schema, ComplexType type, InterfaceType interfaceType, FieldDefinition expected, List<string> errors)
    {
        var owner = $"{interfaceType.Name}.{expected.Name}";
        var field = type.GetField(expected.Name);
        if (field is null)
        {
            errors.Add($"Interface field {owner} expected but {type.Name} does not provide it.");
            return;
        }

        if (!TypeComparators.IsSubTypeOf(schema, field.Type, expected.Type))
        {
            errors.Add($"Interface field {owner} expects type {expected.Type} but {type.Name}.{field.Name} is type {field.Type}.");
        }

        foreach (var expectedArgument in expected.Arguments)
        {
            var argument = field.GetArgument(expectedArgument.Name);
            if (argument is null)
            {
                errors.Add($"Interface field argument {owner}({expectedArgument.Name}:) expected but {type.Name}.{field.Name} does not provide it.");
            }
            else if (!GraphQLType.AreEqual(argument.Type, expectedArgument.Type))
            {
                errors.Add($"Interface field argument {owner}({expectedArgument.Name}:) expects type {expectedArgument.Type} but {type.Name}.{field.Name}({argument.Name}:) is type {argument.Type}.");
            }
        }

        foreach (var extra in field.Arguments.Where(a => expected.GetArgument(a.Name) is null && a.Type is NonNullType && !a.HasDefaultValue))
        {
            errors.Add($"Object field {type.Name}.{field.Name} includes required argument {extra.Name} that is missing from the Interface field {owner}.");
        }
    }

    private static void ValidateEnum(EnumType type, List<string> errors)
    {
        if (type.Values.Count == 0)
        {
            errors.Add($"Enum type {type.Name} must define one or more values.");
        }

        foreach (var value in type.Values)
        {
            ValidateName(value.Name, errors);
            if (value.Name is "true" or "false" or "null")
            {
                errors.Add($"Enum type {type.Name} cannot include value: {value.Name}.");
            }
        }
    }

    private static void ValidateInputObject(InputObjectType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Input Object type {type.Name} must define one or more fields.");
        }

        ValidateInputValues(type.Fields, f => $"{type.Name}.{f.Name}", "input field", errors);
        foreach (var field in type.Fields)
        {
            if (type.IsOneOf && field.Type is NonNullType)
            {
                errors.Add($"OneOf input field {type.Name}.{field.Name} must be nullable.");
            }

            if (type.IsOneOf && field.HasDefaultValue)
            {
                errors.Add($"OneOf input field {type.Name}.{field.Name} cannot have a default value.");
            }
        }

        var cycle = FindNonNullCycle(type, type, [], []);
        if (cycle is not null)
        {
            errors.Add($"Cannot reference Input Object \"{type.Name}\" within itself through a series of non-null fields: \"{string.Join('.', cycle)}\".");
        }
    }

    /// <summary>An input object that requires itself through non-null fields can never be written (spec §3.10 "Circular References").</summary>
    private static List<string>? FindNonNullCycle(InputObjectType root, InputObjectType current, List<string> path, HashSet<InputObjectType> visited)
    {
        if (!visited.Add(current))
        {
            return null;
        }

        foreach (var field in current.Fields)
        {
            if (field.Type is not NonNullType { OfType: InputObjectType next })
            {
                continue;
            }

            path.Add(field.Name);
            if (next == root)
            {
                return path;
            }

            if (FindNonNullCycle(root, next, path, visited) is { } cycle)
            {
                return cycle;
            }

            path.RemoveAt(path.Count - 1);
        }

        return null;
    }

    [GeneratedRegex("^[_a-zA-Z][_a-zA-Z0-9]*$")]
    private static partial Regex NamePattern();
}
