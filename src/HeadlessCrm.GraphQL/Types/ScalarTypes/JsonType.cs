using System.Globalization;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types.ScalarTypes;

/// <summary>
/// Any JSON value, passed through as is, e.g. custom fields. Literals become dictionaries, lists and primitives,
/// with variables substituted inside them.
/// </summary>
public sealed class JsonType() : ScalarType("JSON", "Any JSON value: object, array, string, number, boolean or null.", "https://www.rfc-editor.org/rfc/rfc8259")
{
    public override object Serialize(object value) => value;

    public override object ParseValue(object value) => value;

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        ToValue(literal, variables) ?? throw CannotRepresent("null here", literal);

    private static object? ToValue(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        NullValueNode => null,
        VariableNode v => variables?.GetValueOrDefault(v.Name.Value),
        IntValueNode i => long.TryParse(i.Value, CultureInfo.InvariantCulture, out var l) ? l : (object)decimal.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => decimal.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (object)double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode list => list.Values.Select(v => ToValue(v, variables)).ToList(),
        ObjectValueNode obj => obj.Fields.ToDictionary(f => f.Name.Value, f => ToValue(f.Value, variables), StringComparer.Ordinal),
        _ => null,
    };
}
