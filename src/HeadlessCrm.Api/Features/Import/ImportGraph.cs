using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// CSV imports in GraphQL (crm.import), as REST's /api/v1/imports: create the job, follow it, cancel it. The file itself
/// is uploaded over REST (<c>PUT /api/v1/imports/{id}/file</c>, a streamed text/csv body) and the per-row errors are
/// downloaded there too: GraphQL has no standard way to carry a file.
/// </summary>
public static class ImportGraph
{
    public const string TypeName = "Import";

    public static readonly Relay.NodeLoader Load = IdFields.NodeLoader<ImportUseCases, ImportJobDto>("import", (imports, id, ct) => imports.GetAsync(id, ct));

    public static SchemaBuilder AddImports(this SchemaBuilder builder) => builder
        .Object<ImportJobDto>(TypeName, t => t
            .Description("A CSV import: its column mapping, status (pending: waiting for its file, queued, running, done, failed, cancelled) and progress.")
            .Implements("Node")
            .GlobalIdFields(TypeName, i => i.Id)
            .Field("object", "String!", f => f.Description("contacts, companies, deals or activities."))
            .Field("status", "String!")
            .Field("dryRun", "Boolean!")
            .Field("columns", "JSON!", i => JsonValues.Of(i.Columns), "Each header of the file → the field it fills, or null.")
            .Field("matchBy", "String", f => f.Description("The upsert key, when rows update records they match."))
            .Field("fileName", "String")
            .Field("rowsTotal", "Int!")
            .Field("rowsDone", "Int!")
            .Field("created", "Int!")
            .Field("updated", "Int!")
            .Field("failed", "Int!", f => f.Description("Rows refused; GET /api/v1/imports/{id}/errors.csv lists them with the reason."))
            .Field("error", "String", f => f.Description("Why the whole import failed, when it did."))
            .Field("createdByMemberId", "UUID")
            .Field("createdAt", "DateTime!")
            .Field("startedAt", "DateTime")
            .Field("finishedAt", "DateTime"))
        .AddConnection<ImportJobDto>(TypeName)
        .Query(q => q.Field("imports", "ImportConnection", f => f
            .Description("Imports, newest first: yours, or the workspace's for admins and integrations (needs crm.import).")
            .Argument("first", "Int", "Page size, 1 to 100 (default 50).")
            .Argument("after", "String", "The endCursor of the previous page.")
            .ResolveAsync(async c =>
            {
                var first = c.Argument<int?>("first");
                var page = await c.Service<ImportUseCases>().ListAsync(
                    ListRequest.ParseLimit(first?.ToString()), c.Argument<string?>("after"), c.CancellationToken);
                return new Connection<ImportJobDto>(page);
            })))
        .AddPayload<ImportJobDto>(TypeName, "import")
        .InputObject("CreateImportInput", i => i
            .Description("What the CSV uploaded next is imported into, and how.")
            .Field("object", "String", "contacts, companies, deals or activities.")
            .Field("columns", "JSON", "An object: each header of the file → the field it fills (firstName, emails, address.city, customFields.tier), or null.")
            .Field("matchBy", "String", "Upsert key: email (contacts), domain (companies) or customFields.<key> of a unique field; null creates only.")
            .FieldWithDefault("dryRun", "Boolean", false, "True: check every row and report what would happen, writing nothing."))
        .Mutation(m => m
            .Field("createImport", "ImportPayload", f => f
                .Description("Creates a CSV import, as POST /api/v1/imports (needs crm.import and the record type's write scope); " +
                    "then PUT the file to /api/v1/imports/{id}/file and follow the import with node(id:) or imports.")
                .Argument("input", "CreateImportInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<ImportUseCases>().CreateAsync(RequestJson.Read<ImportJobInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("cancelImport", "ImportPayload", f => f
                .Description("Stops an import after the chunk running now, as POST /api/v1/imports/{id}/cancel; rows already imported stay.")
                .Argument("id", "ID!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<ImportUseCases>().CancelAsync(GlobalId.Of(TypeName, c.Inner.Argument<string>("id")), c.CancellationToken)))));
}
