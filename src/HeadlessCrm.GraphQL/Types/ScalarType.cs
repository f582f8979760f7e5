using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Types;

/// <summary>
/// A scalar type (spec §3.5) and its three coercions: result values to the response (Serialize), variable values
/// from the transport (ParseValue) and literals from the document (ParseLiteral). Each throws
/// <see cref="CoercionException"/> when it cannot accept the value.
/// </summary>
public abstract class ScalarType(string name, string? description = null, string? specifiedByUrl = null) : NamedType(name, description)
{
    /// <summary>The URL of the scalar's own specification, exposed by @specifiedBy (spec §3.13.5).</summary>
    public string? SpecifiedByUrl { get; } = specifiedByUrl;

    public abstract object Serialize(object value);

    public abstract object ParseValue(object value);

    /// <summary>Parses a literal; variables are substituted by the caller except inside structured scalars such as JSON.</summary>
    public abstract object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null);

    protected CoercionException CannotRepresent(string what, object? value) =>
        new($"{Name} cannot represent {what}: {Inspect.Value(value)}");
}
