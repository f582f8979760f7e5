using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types.ScalarTypes;

/// <summary>The built-in Boolean (spec §3.5.4).</summary>
public sealed class BooleanType() : ScalarType("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
{
    public override object Serialize(object value) => value switch
    {
        bool b => b,
        int i => i != 0,
        long l => l != 0,
        _ => throw CannotRepresent("a non boolean value", value),
    };

    public override object ParseValue(object value) => value is bool b ? b : throw CannotRepresent("a non boolean value", value);

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        literal is BooleanValueNode b ? b.Value : throw CannotRepresent("a non boolean value", literal);
}
