using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>Custom field definitions in GraphQL, as REST's /api/v1/custom-fields: read per record type's read scope, defined with crm.admin.</summary>
public static class CustomFieldGraph
{
    public const string TypeName = "CustomField";

    public static readonly Relay.NodeLoader Load = IdFields.NodeLoader<CustomFieldUseCases, CustomFieldDto>("customField", (fields, id, ct) => fields.GetAsync(id, ct));

    public static SchemaBuilder AddCustomFields(this SchemaBuilder builder) => builder
        .Enum<CustomFieldType>("CustomFieldType")
        .Object<CustomFieldDto>(TypeName, t => t
            .Description("A field a workspace adds to contacts, companies, deals or activities; values live in their customFields by key.")
            .Implements("Node")
            .GlobalIdFields(TypeName, d => d.Id)
            .Field("object", "String!", f => f.Description("contacts, companies, deals or activities."))
            .Field("key", "String!")
            .Field("label", "String!")
            .Field("type", "CustomFieldType!")
            .Field("required", "Boolean!")
            .Field("unique", "Boolean!")
            .Field("options", "[String!]!", f => f.Description("The choices of a select field."))
            .Field("createdAt", "DateTime!")
            .Field("updatedAt", "DateTime!")
            .Field("archivedAt", "DateTime"))
        .Query(q => q.Field("customFields", "[CustomField!]", f => f
            .Description("Custom field definitions of the record types the caller may read.")
            .Argument("object", "String", "Only those of contacts, companies, deals or activities.")
            .ArgumentWithDefault("archived", "Boolean", false, "True to list archived definitions instead of live ones.")
            .ResolveAsync(c => c.Service<CustomFieldUseCases>().ListAsync(c.Argument<string?>("object"), c.Argument<bool>("archived"), c.CancellationToken))))
        .AddPayload<CustomFieldDto>(TypeName, "customField")
        .AddCreateAndUpdateInputs(TypeName, i => i
            .Field("object", "String", "contacts, companies, deals or activities; cannot change.")
            .Field("key", "String", "A lower-case letter, then letters, digits or '_' (like contractEnd); cannot change.")
            .Field("label", "String")
            .Field("type", "CustomFieldType", "Cannot change.")
            .Field("required", "Boolean", "Every record created from now on must have a value.")
            .Field("unique", "Boolean", "No two records may share a value; cannot change.")
            .Field("options", "[String!]", "The choices of a select field; an update may only add to them."))
        .Mutation(m => m
            .Field("createCustomField", "CustomFieldPayload", f => f
                .Description("Defines a custom field, as POST /api/v1/custom-fields (needs crm.admin).")
                .Argument("input", "CreateCustomFieldInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<CustomFieldUseCases>().CreateAsync(RequestJson.Read<CustomFieldInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("updateCustomField", "CustomFieldPayload", f => f
                .Description("Changes a custom field's label, required flag or options (only added), as PATCH /api/v1/custom-fields/{id} (needs crm.admin).")
                .Argument("id", "ID!")
                .Argument("patch", "UpdateCustomFieldInput!")
                .ResolveAsync(c => Mutations.RunAsync(() =>
                    c.Service<CustomFieldUseCases>().UpdateAsync(Id(c.Inner), Inputs.Body(c.Inner, "patch"), c.CancellationToken))))
            .Field("deleteCustomField", "DeletePayload", f => f
                .Description("Archives a custom field and removes its values from every record (needs crm.admin).")
                .Argument("id", "ID!")
                .ResolveAsync(c => Mutations.DeleteAsync(TypeName, c.Argument<string>("id"),
                    id => c.Service<CustomFieldUseCases>().ArchiveAsync(id, c.CancellationToken)))));

    private static Guid Id(IResolveContext context) => GlobalId.Of(TypeName, context.Argument<string>("id"));
}
