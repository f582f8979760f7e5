using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Validation;

namespace HeadlessCrm.GraphQL.Tests.Validation;

public class DocumentValidatorTests
{
    [Fact]
    public void A_document_using_most_of_the_language_passes_every_rule()
    {
        var document = Parser.Parse("""
            query Pets($id: ID, $withOwner: Boolean = true, $key: PetKey!) @onQuery {
              dog(id: $id) { ...DogFields owner @include(if: $withOwner) { name ...Named } }
              catOrDog { __typename ... on Cat { meows } ... on Pet { name } }
              petBy(key: $key) { nickname }
              echo(list: ["a", null], address: {street: "x", next: {street: "y"}}, size: SMALL)
            }
            fragment DogFields on Dog { name barks knowsCommand(command: SIT) isHouseTrained }
            fragment Named on Named { name }
            """);
        Assert.Empty(DocumentValidator.Validate(ZooSchema.Instance, document));
    }

    [Fact]
    public void Validation_stops_at_the_error_limit()
    {
        var document = Parser.Parse("{ " + string.Concat(Enumerable.Range(0, 20).Select(i => $"f{i} ")) + "}");
        var errors = DocumentValidator.Validate(ZooSchema.Instance, document, maxErrors: 5);
        Assert.Equal(6, errors.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[^1].Message);
    }
}
