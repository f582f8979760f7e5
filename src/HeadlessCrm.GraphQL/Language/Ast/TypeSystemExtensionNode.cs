namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An `extend ...` of the schema or of a type (spec §3.1).</summary>
public abstract class TypeSystemExtensionNode(Location location) : DefinitionNode(location);
