using System.Reflection;
using System.Runtime.CompilerServices;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// What a GraphQL selection reads of a record, so a list or relation loads those columns only instead of the whole
/// record (three fields asked of a contact need not read its emails, phones, address and custom fields). A field
/// reads the member of its own name (<c>firstName</c> → <c>FirstName</c>) unless it declares otherwise with
/// <see cref="Reads{TParent}"/> (<c>company</c> reads <c>CompanyId</c>); a selected field that does neither, or a
/// record reached through an interface or union, makes the whole record load, so nothing is ever read missing.
/// </summary>
public static class SelectedShape
{
    private const string ReadsKey = "reads";

    private static readonly ConditionalWeakTable<IReadOnlyList<SelectedField>, Box> Shapes = new();

    /// <summary>The members of the parent this field's resolver reads (for a field not named after one).</summary>
    public static FieldBuilder<TParent> Reads<TParent>(this FieldBuilder<TParent> field, params string[] members) =>
        field.Metadata(ReadsKey, members);

    /// <summary>
    /// The members of <typeparamref name="TDto"/> read beneath the field being resolved, whether it returns the record
    /// or a connection of them; null when the whole record is needed. Worked out once per selection of a request.
    /// </summary>
    public static RecordShape? Of<TDto>(IResolveContext context)
    {
        if (context.Field.Type.Named is not ObjectType type) return null;
        var selected = context.SelectedFields(type);
        return Shapes.GetValue(selected, _ => new Box(Collect(typeof(TDto), type, selected, depth: 0, [])
            is { } members ? new RecordShape(members) : null)).Shape;
    }

    /// <summary>Null when a selected member of the record cannot be told; records nested deeper than an edge are not looked for.</summary>
    private static HashSet<string>? Collect(Type dto, ObjectType type, IReadOnlyList<SelectedField> fields, int depth, HashSet<string> members)
    {
        if (type.ClrType == dto)
        {
            foreach (var field in fields)
            {
                if (field.Definition.Name.StartsWith("__", StringComparison.Ordinal)) continue;
                if (field.Definition.Metadata.GetValueOrDefault(ReadsKey) is string[] reads) members.UnionWith(reads);
                else if (dto.GetProperty(field.Definition.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
                    members.Add(property.Name);
                else return null;
            }

            return members;
        }

        foreach (var field in fields)
        {
            switch (field.Definition.Type.Named)
            {
                case ObjectType inner when depth < 2:
                    if (Collect(dto, inner, field.SelectedFields(inner), depth + 1, members) is null) return null;
                    break;
                case InterfaceType or UnionType:
                    return null;
            }
        }

        return members;
    }

    private sealed record Box(RecordShape? Shape);
}
