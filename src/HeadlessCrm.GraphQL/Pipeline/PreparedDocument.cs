using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Pipeline;

/// <summary>A document after parsing and validation: either ready to execute or the errors that stop it.</summary>
public sealed record PreparedDocument(DocumentNode? Document, IReadOnlyList<GraphQLError> Errors)
{
    public bool IsValid => Document is not null && Errors.Count == 0;
}
