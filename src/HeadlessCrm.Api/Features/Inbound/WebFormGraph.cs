using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>
/// Web forms in GraphQL (crm.admin), as REST's /api/v1/forms. Submitting one stays REST's anonymous
/// POST /api/v1/forms/{key}/submissions: the page posting it holds no access token.
/// </summary>
public static class WebFormGraph
{
    public const string TypeName = "WebForm";

    public static readonly Relay.NodeLoader Load = IdFields.NodeLoader<WebFormUseCases, WebFormDto>("webForm", (forms, id, ct) => forms.GetAsync(id, ct));

    public static SchemaBuilder AddWebForms(this SchemaBuilder builder) => builder
        .Object<WebFormDto>(TypeName, t => t
            .Description("A lead-capture form: its page posts to submitUrl (the form key in it is public), creating or updating a contact.")
            .Implements("Node")
            .GlobalIdFields(TypeName, f => f.Id)
            .Field("name", "String!")
            .Field("formKey", "String!")
            .Field("submitUrl", "String!")
            .Field("allowedOrigins", "[String!]!")
            .Field("fieldMap", "JSON!", f => JsonValues.Of(f.FieldMap), "Form field name → contact field (email, firstName, …, or customFields.<key>).")
            .Field("honeypotField", "String")
            .Field("defaultOwnerId", "UUID")
            .Field("createdAt", "DateTime!")
            .Field("updatedAt", "DateTime!"))
        .Query(q => q.Field("webForms", "[WebForm!]", f => f
            .Description("The workspace's live web forms, oldest first (needs crm.admin).")
            .ResolveAsync(c => c.Service<WebFormUseCases>().ListAsync(c.CancellationToken))))
        .AddPayload<WebFormDto>(TypeName, "webForm")
        .InputObject("CreateWebFormInput", i => i
            .Field("name", "String")
            .Field("allowedOrigins", "[String!]", "Up to 20 origins like https://www.example.com that may post it.")
            .Field("fieldMap", "JSON", "An object: form field name → email, firstName, lastName, phone, title, message or customFields.<key>; one must map to email.")
            .Field("honeypotField", "String", "A hidden field bots fill in; defaults to website.")
            .Field("defaultOwnerId", "UUID", "Who owns the contacts it creates."))
        .Mutation(m => m
            .Field("createWebForm", "WebFormPayload", f => f
                .Description("Creates a web form for lead capture, as POST /api/v1/forms (needs crm.admin).")
                .Argument("input", "CreateWebFormInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<WebFormUseCases>().CreateAsync(RequestJson.Read<WebFormInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("deleteWebForm", "DeletePayload", f => f
                .Description("Retires a web form: its key stops working (needs crm.admin).")
                .Argument("id", "ID!")
                .ResolveAsync(c => Mutations.DeleteAsync(TypeName, c.Argument<string>("id"),
                    id => c.Service<WebFormUseCases>().ArchiveAsync(id, c.CancellationToken)))));
}
