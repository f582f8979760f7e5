namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>A schema, type or directive definition (spec §3).</summary>
public abstract class TypeSystemDefinitionNode(Location location) : DefinitionNode(location);
