namespace HeadlessCrm.GraphQL.Language;

/// <summary>A document that does not follow the grammar (spec §2), or that exceeds a parser limit.</summary>
public sealed class GraphQLSyntaxException(string description, SourceLocation location)
    : GraphQLException("Syntax Error: " + description, "GRAPHQL_PARSE_FAILED")
{
    public SourceLocation Location { get; } = location;

    public GraphQLError ToSyntaxError() => new(Message, [Location], extensions: Extensions, originalException: this);
}
