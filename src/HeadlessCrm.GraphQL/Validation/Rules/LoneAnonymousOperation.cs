using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.2.2.1 Lone Anonymous Operation: an operation without a name must be the only operation.</summary>
public sealed class LoneAnonymousOperation : ValidationRule
{
    private int _operationCount;

    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is DocumentNode document)
        {
            _operationCount = document.Definitions.Count(d => d is OperationDefinitionNode);
        }
        else if (node is OperationDefinitionNode { Name: null } operation && _operationCount > 1)
        {
            context.ReportError("This anonymous operation must be the only defined operation.", operation);
        }
    }
}
