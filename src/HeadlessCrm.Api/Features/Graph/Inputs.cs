using System.Text.Json;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// Typed mutation inputs mirroring REST's input DTOs. Every field is nullable, as in REST's bodies: which are
/// required is decided by the REST rules and reported as userErrors. The coerced value is handed to the use cases as
/// the JSON body REST would have received (<see cref="Body"/>), so there is one validation path.
/// </summary>
public static class Inputs
{
    /// <summary>
    /// <c>Create{Type}Input</c> and <c>Update{Type}Input</c> with the same fields. In an update, a field left out
    /// stays as it is and a field given as null is cleared, as in REST's merge patch.
    /// </summary>
    public static SchemaBuilder AddCreateAndUpdateInputs(this SchemaBuilder builder, string typeName, Action<InputObjectTypeBuilder> fields) => builder
        .InputObject($"Create{typeName}Input", i =>
        {
            i.Description("The new record's fields; which are required is checked by REST's rules and reported as userErrors.");
            fields(i);
        })
        .InputObject($"Update{typeName}Input", i =>
        {
            i.Description("A merge patch: a field left out stays as it is, a field given as null is cleared.");
            fields(i);
        });

    /// <summary>The input types several records share: a postal address, emails and phone numbers.</summary>
    public static SchemaBuilder AddCommonInputs(this SchemaBuilder builder) => builder
        .InputObject("AddressInput", i => i
            .Description("A postal address; in an update, the fields given are merged into the current address.")
            .Field("street", "String")
            .Field("city", "String")
            .Field("region", "String")
            .Field("postalCode", "String")
            .Field("country", "String", "ISO 3166-1 alpha-2.")
            .Field("latitude", "Float")
            .Field("longitude", "Float"))
        .InputObject("EmailInput", i => i
            .Field("value", "String!")
            .Field("label", "String")
            .FieldWithDefault("primary", "Boolean!", false, "At most one; the first is primary when none is marked."))
        .InputObject("PhoneInput", i => i
            .Field("value", "String!", "3 to 15 digits; spaces, dashes, parentheses and a leading + allowed.")
            .Field("label", "String")
            .FieldWithDefault("primary", "Boolean!", false, "At most one; the first is primary when none is marked."));

    /// <summary>The fields every record input ends with: owner, tags and custom fields.</summary>
    public static InputObjectTypeBuilder OwnedInputFields(this InputObjectTypeBuilder input) => input
        .Field("ownerId", "UUID", "A member of the workspace; defaults to the calling member.")
        .Field("tags", "[String!]")
        .Field("customFields", "JSON", "An object of custom field values by key, as in REST.");

    /// <summary>
    /// An input argument as the JSON body REST reads: the same member names, REST's enum spellings (snake_case),
    /// fields left out absent and nulls kept, so merge patches mean the same and errors name the same fields.
    /// </summary>
    public static JsonElement Body(IResolveContext context, string name) =>
        JsonSerializer.SerializeToElement(context.Arguments.GetValueOrDefault(name), CrmJson.Options);
}
