namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>An operation or a fragment: what a server can execute (spec §2.2).</summary>
public abstract class ExecutableDefinitionNode(Location location) : DefinitionNode(location);
