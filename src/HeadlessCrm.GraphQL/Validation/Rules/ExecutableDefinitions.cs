using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Validation.Rules;

/// <summary>Spec §5.1.1 Executable Definitions: a document to execute holds only operations and fragments.</summary>
public sealed class ExecutableDefinitions : ValidationRule
{
    public override void Enter(SyntaxNode node, ValidationContext context)
    {
        if (node is not DocumentNode document)
        {
            return;
        }

        foreach (var definition in document.Definitions.Where(d => d is not ExecutableDefinitionNode))
        {
            var name = definition switch
            {
                TypeDefinitionNode type => $"\"{type.Name.Value}\"",
                TypeExtensionNode extension => $"\"{extension.Name.Value}\"",
                DirectiveDefinitionNode directive => $"\"{directive.Name.Value}\"",
                _ => "schema",
            };
            context.ReportError($"The {name} definition is not executable.", definition);
        }
    }
}
