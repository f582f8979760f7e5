namespace HeadlessCrm.GraphQL.Types.Introspection;

/// <summary>The kinds of type introspection reports (spec §4.2.2 __TypeKind).</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}
