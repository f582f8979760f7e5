using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// Resolves a field without a resolver of its own from the parent: a dictionary entry of the field's name, or a
/// property or field of the same name ignoring case, read through a compiled delegate (no reflection per call).
/// </summary>
public static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(Type Type, string Name), Func<object, object?>> Getters = new();

    /// <summary>A resolver for <paramref name="fieldName"/>; when the parent's CLR type is known the getter is compiled up front.</summary>
    public static FieldResolver For(string fieldName, Type? parentClrType)
    {
        if (parentClrType is not null && parentClrType != typeof(object) && FindMember(parentClrType, fieldName) is not null)
        {
            var getter = GetterFor(parentClrType, fieldName);
            return context => new ValueTask<object?>(context.Source is null ? null : getter(context.Source));
        }

        return context => new ValueTask<object?>(Read(context.Source, fieldName));
    }

    private static object? Read(object? source, string fieldName) => source switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault(fieldName),
        IDictionary<string, object?> map => map.TryGetValue(fieldName, out var value) ? value : null,
        _ => GetterFor(source.GetType(), fieldName)(source),
    };

    private static Func<object, object?> GetterFor(Type type, string fieldName) =>
        Getters.GetOrAdd((type, fieldName), key => Compile(key.Type, key.Name));

    private static MemberInfo? FindMember(Type type, string name) =>
        (MemberInfo?)type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
        ?? type.GetField(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    private static Func<object, object?> Compile(Type type, string fieldName)
    {
        var member = FindMember(type, fieldName);
        if (member is null)
        {
            return _ => null;
        }

        var source = Expression.Parameter(typeof(object), "source");
        var access = Expression.MakeMemberAccess(Expression.Convert(source, type), member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), source).Compile();
    }
}
