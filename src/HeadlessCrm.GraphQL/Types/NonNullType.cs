namespace HeadlessCrm.GraphQL.Types;

/// <summary>A type whose values may not be null (spec §3.12); never wraps another non-null type.</summary>
public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Cannot wrap the non-null type {ofType} in non-null again.", nameof(ofType));
        }

        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override NamedType Named => OfType.Named;

    public override string ToString() => $"{OfType}!";
}
