using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Validation;

/// <summary>The rules of spec §5, in the order graphql-js applies them, so errors come out in a familiar order.</summary>
public static class SpecifiedRules
{
    public static IReadOnlyList<Func<ValidationRule>> All { get; } =
    [
        () => new ExecutableDefinitions(),
        () => new UniqueOperationNames(),
        () => new LoneAnonymousOperation(),
        () => new SingleFieldSubscriptions(),
        () => new KnownTypeNames(),
        () => new FragmentsOnCompositeTypes(),
        () => new VariablesAreInputTypes(),
        () => new ScalarLeafs(),
        () => new FieldsOnCorrectType(),
        () => new UniqueFragmentNames(),
        () => new KnownFragmentNames(),
        () => new NoUnusedFragments(),
        () => new PossibleFragmentSpreads(),
        () => new NoFragmentCycles(),
        () => new UniqueVariableNames(),
        () => new NoUndefinedVariables(),
        () => new NoUnusedVariables(),
        () => new KnownDirectives(),
        () => new UniqueDirectivesPerLocation(),
        () => new KnownArgumentNames(),
        () => new UniqueArgumentNames(),
        () => new ValuesOfCorrectType(),
        () => new InputObjectFieldNames(),
        () => new InputObjectRequiredFields(),
        () => new OneOfInputObjects(),
        () => new ProvidedRequiredArguments(),
        () => new VariablesInAllowedPosition(),
        () => new OverlappingFieldsCanBeMerged(),
        () => new UniqueInputFieldNames(),
    ];
}
