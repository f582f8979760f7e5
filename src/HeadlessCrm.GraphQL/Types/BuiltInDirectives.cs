namespace HeadlessCrm.GraphQL.Types;

/// <summary>The directives every schema has (spec §3.13), plus @oneOf from the September 2025 edition.</summary>
public static class BuiltInDirectives
{
    public const string DefaultDeprecationReason = "No longer supported";

    public static DirectiveDefinition Skip { get; } = new DirectiveDefinition(
            "skip",
            [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
            "Directs the executor to skip this field or fragment when the `if` argument is true.")
        .WithArgument("if", new NonNullType(Scalars.Boolean), "Skipped when true.");

    public static DirectiveDefinition Include { get; } = new DirectiveDefinition(
            "include",
            [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
            "Directs the executor to include this field or fragment only when the `if` argument is true.")
        .WithArgument("if", new NonNullType(Scalars.Boolean), "Included when true.");

    public static DirectiveDefinition Deprecated { get; } = new DirectiveDefinition(
            "deprecated",
            [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue],
            "Marks an element of a GraphQL schema as no longer supported.")
        .WithArgument(
            "reason",
            Scalars.String,
            "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            DefaultDeprecationReason,
            hasDefault: true);

    public static DirectiveDefinition SpecifiedBy { get; } = new DirectiveDefinition(
            "specifiedBy",
            [DirectiveLocation.Scalar],
            "Exposes a URL that specifies the behavior of this scalar.")
        .WithArgument("url", new NonNullType(Scalars.String), "The URL that specifies the behavior of this scalar.");

    public static DirectiveDefinition OneOf { get; } = new DirectiveDefinition(
        "oneOf",
        [DirectiveLocation.InputObject],
        "Indicates exactly one field must be supplied and this field must not be `null`.");

    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsBuiltIn(DirectiveDefinition directive) => All.Contains(directive);
}
