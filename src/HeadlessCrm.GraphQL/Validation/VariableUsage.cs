using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation;

/// <summary>A variable used somewhere in a document: the node, the type its position expects, and whether that position has a default.</summary>
public sealed record VariableUsage(VariableNode Node, GraphQLType? Type, bool HasDefaultValue, GraphQLType? ParentType);
