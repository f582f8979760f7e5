namespace HeadlessCrm.GraphQL.Types;

/// <summary>A list of values of another type (spec §3.11).</summary>
public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;

    public override NamedType Named => OfType.Named;

    public override string ToString() => $"[{OfType}]";
}
