namespace HeadlessCrm.GraphQL.Language.Ast;

/// <summary>The span of a node in its source: character offsets plus the 1-based line and column of its start.</summary>
public readonly record struct Location(int Start, int End, int Line, int Column)
{
    public SourceLocation ToSourceLocation() => new(Line, Column);
}
