using System.Collections;
using System.Globalization;
using System.Text.Json;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>Coerces values from the transport (variables) to their input types' internal values (spec §3.5–§3.12 "Input Coercion").</summary>
internal static class InputCoercion
{
    /// <summary>Coerces or throws <see cref="InputError"/> naming the path inside the value that failed.</summary>
    public static object? Coerce(object? value, GraphQLType type, string path)
    {
        if (value is JsonElement element)
        {
            value = JsonInput.ToObject(element);
        }

        if (type is NonNullType nonNull)
        {
            return value is null
                ? throw new InputError($"Expected non-nullable type \"{type}\" not to be null.", path)
                : Coerce(value, nonNull.OfType, path);
        }

        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list when value is IEnumerable items and not string and not IReadOnlyDictionary<string, object?>:
                var result = new List<object?>();
                var index = 0;
                foreach (var item in items)
                {
                    result.Add(Coerce(item, list.OfType, $"{path}[{index++}]"));
                }

                return result;
            case ListType list:
                return new List<object?> { Coerce(value, list.OfType, path) };
            case InputObjectType input:
                return CoerceInputObject(value, input, path);
            case EnumType enumType:
                if (value is not string name)
                {
                    throw new InputError($"Enum \"{enumType.Name}\" cannot represent non-string value: {Inspect.Value(value)}.", path);
                }

                return enumType.GetValue(name)?.Value
                    ?? throw new InputError($"Value {Inspect.Value(name)} does not exist in \"{enumType.Name}\" enum.", path);
            case ScalarType scalar:
                try
                {
                    return scalar.ParseValue(value);
                }
                catch (CoercionException exception)
                {
                    throw new InputError(exception.Message, path);
                }

            default:
                throw new InputError($"Expected an input type but got \"{type}\".", path);
        }
    }

    /// <summary>Builds the internal value of an input object from its coerced fields: the bound CLR type or a dictionary.</summary>
    public static object BuildInputObject(InputObjectType input, Dictionary<string, object?> fields) =>
        input.Factory is { } factory ? factory(fields) : fields;

    /// <summary>The @oneOf rule (spec 2025 §3.10.1): exactly one field, and it is not null.</summary>
    public static string? CheckOneOf(InputObjectType input, IReadOnlyDictionary<string, object?> fields)
    {
        if (fields.Count != 1)
        {
            return $"Exactly one key must be specified for OneOf type \"{input.Name}\".";
        }

        var (name, value) = fields.First();
        return value is null ? $"Field \"{name}\" must be non-null." : null;
    }

    private static object CoerceInputObject(object value, InputObjectType input, string path)
    {
        var map = value as IReadOnlyDictionary<string, object?>
            ?? (value as IDictionary<string, object?>)?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            ?? throw new InputError($"Expected type \"{input.Name}\" to be an object.", path);
        foreach (var key in map.Keys.Where(k => input.GetField(k) is null))
        {
            throw new InputError($"Field \"{key}\" is not defined by type \"{input.Name}\".", path);
        }

        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in input.Fields)
        {
            var fieldPath = string.Create(CultureInfo.InvariantCulture, $"{path}.{field.Name}");
            if (map.TryGetValue(field.Name, out var fieldValue))
            {
                fields[field.Name] = Coerce(fieldValue, field.Type, fieldPath);
            }
            else if (field.HasDefaultValue)
            {
                fields[field.Name] = field.DefaultValue;
            }
            else if (field.Type is NonNullType)
            {
                throw new InputError($"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.", path);
            }
        }

        if (input.IsOneOf && CheckOneOf(input, fields) is { } oneOfError)
        {
            throw new InputError(oneOfError, path);
        }

        return BuildInputObject(input, fields);
    }
}
