using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation;

/// <summary>
/// One validation rule (spec §5). A fresh instance sees one document: the validator walks the document once and
/// calls every rule on entering and leaving each node, with <see cref="ValidationContext.TypeInfo"/> up to date.
/// </summary>
public abstract class ValidationRule
{
    public virtual void Enter(SyntaxNode node, ValidationContext context)
    {
    }

    public virtual void Leave(SyntaxNode node, ValidationContext context)
    {
    }
}
