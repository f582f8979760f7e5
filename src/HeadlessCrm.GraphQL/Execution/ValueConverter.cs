using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// Converts coerced GraphQL values to the CLR types resolvers ask for: numbers between numeric types, enum names to
/// enums, lists to arrays or lists, and input-object dictionaries to records or classes (matched by name, ignoring case).
/// </summary>
public static class ValueConverter
{
    private static readonly ConcurrentDictionary<Type, Func<IReadOnlyDictionary<string, object?>, object>> Binders = new();

    public static T Convert<T>(object? value)
    {
        if (value is T typed)
        {
            return typed;
        }

        return (T)Convert(value, typeof(T))!;
    }

    public static object? Convert(object? value, Type target)
    {
        if (value is null)
        {
            return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null
                ? null
                : throw new InvalidCastException($"Cannot convert null to {target.Name}.");
        }

        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        if (type.IsEnum)
        {
            return value is string name ? Enum.Parse(type, name, ignoreCase: true) : Enum.ToObject(type, value);
        }

        if (value is IReadOnlyDictionary<string, object?> map && !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return BinderFor(type)(map);
        }

        if (value is IEnumerable items and not string && ElementType(type) is { } elementType)
        {
            return ToCollection(items, type, elementType);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(type))
        {
            return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }

        if (type == typeof(Guid) && value is string text)
        {
            return Guid.Parse(text);
        }

        throw new InvalidCastException($"Cannot convert a {value.GetType().Name} to {target.Name}.");
    }

    /// <summary>A function that builds <paramref name="type"/> from input-object field values, cached per type.</summary>
    public static Func<IReadOnlyDictionary<string, object?>, object> BinderFor(Type type) => Binders.GetOrAdd(type, CreateBinder);

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var isListLike = definition == typeof(List<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
            || definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>);
        return isListLike ? type.GetGenericArguments()[0] : null;
    }

    private static object ToCollection(IEnumerable items, Type type, Type elementType)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        foreach (var item in items)
        {
            list.Add(Convert(item, elementType));
        }

        if (type.IsArray)
        {
            var array = Array.CreateInstance(elementType, list.Count);
            list.CopyTo(array, 0);
            return array;
        }

        var isSet = type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(HashSet<>) || d == typeof(ISet<>) || d == typeof(IReadOnlySet<>));
        return isSet ? Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(elementType), list)! : list;
    }

    private static Func<IReadOnlyDictionary<string, object?>, object> CreateBinder(Type type)
    {
        var constructor = type.GetConstructor(Type.EmptyTypes)
            ?? type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor to bind an input object to.");
        var parameters = constructor.GetParameters();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && !parameters.Any(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        return values =>
        {
            var lookup = new Dictionary<string, object?>(values, StringComparer.OrdinalIgnoreCase);
            var arguments = parameters
                .Select(p => lookup.TryGetValue(p.Name!, out var v) ? Convert(v, p.ParameterType) : DefaultOf(p))
                .ToArray();
            var instance = constructor.Invoke(arguments);
            foreach (var property in properties)
            {
                if (lookup.TryGetValue(property.Name, out var value))
                {
                    property.SetValue(instance, Convert(value, property.PropertyType));
                }
            }

            return instance;
        };
    }

    private static object? DefaultOf(ParameterInfo parameter) =>
        parameter.HasDefaultValue ? parameter.DefaultValue
        : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType)
        : null;
}
