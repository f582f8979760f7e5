using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Batch;

/// <summary>Batches through GraphQL, as REST's POST /api/v1/{resource}/batch: the same operations, results and atomicity.</summary>
public static class BatchGraph
{
    /// <summary>A batch's outcome with its records typed, and whether it took effect (false: atomic and something failed).</summary>
    public sealed record Outcome<TDto>(IReadOnlyList<Item<TDto>> Results, int Created, int Updated, int Archived, int Failed, bool Committed,
        Dictionary<string, string[]> FailureErrors);

    public sealed record Item<TDto>(int Index, string Status, Guid? Id, TDto? Record, BatchError? Error);

    public static SchemaBuilder AddBatches(this SchemaBuilder builder) => builder
        .InputObject("BatchOperationInput", i => i
            .Description("One operation; a malformed one fails alone, with its index.")
            .Field("op", "String", "create, update, upsert or archive.")
            .Field("id", "UUID", "The record to update or archive.")
            .Field("ifMatch", "String", "A version the record must still have (update, archive).")
            .Field("matchBy", "String", "Upsert only: email (contacts), domain (companies) or customFields.<unique key>.")
            .Field("record", "JSON", "The record's fields as for a create; for an update (and an upsert that matches), a merge patch."))
        .InputObject("BatchInput", i => i
            .FieldWithDefault("atomic", "Boolean", false, "True: all operations take effect or none does.")
            .Field("operations", "[BatchOperationInput!]", $"1 to {BatchRequest.MaxOperations} operations, run in order."))
        .Object<BatchError>("BatchError", t => t
            .Description("The problem an operation would have got alone.")
            .Field("status", "Int!")
            .Field("title", "String!")
            .Field("detail", "String")
            .Field("errors", "[UserError!]!", e => Flatten(e.Errors, GraphErrors.Code(e.Status)), "The broken rules by field of the operation."))
        .AddBatch<Contact, ContactDto, ContactInput, ContactUseCases>(ContactGraph.TypeName, "contact", ContactRecords.Type)
        .AddBatch<Company, CompanyDto, CompanyInput, CompanyUseCases>(CompanyGraph.TypeName, "company", CompanyRecords.Type)
        .AddBatch<Deal, DealDto, DealInput, DealUseCases>(DealGraph.TypeName, "deal", DealRecords.Type)
        .AddBatch<Activity, ActivityDto, ActivityInput, ActivityUseCases>(ActivityGraph.TypeName, "activity", ActivityRecords.Type);

    private static SchemaBuilder AddBatch<TEntity, TDto, TInput, TUseCases>(this SchemaBuilder builder, string typeName, string field, RecordType<TEntity, TDto> type)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord where TUseCases : notnull, IRecordUseCases<TInput, TDto>
    {
        var plural = RecordEndpoints.Pascal(type.Plural);
        return builder
            .Object<Item<TDto>>($"{typeName}BatchResult", t => t
                .Description("One operation's outcome: created, updated, archived (with the record as it now is) or failed (with its error).")
                .Field("index", "Int!")
                .Field("status", "String!")
                .Field("recordId", "UUID", r => r.Id)
                .Field(field, typeName, r => r.Record)
                .Field("error", "BatchError"))
            .Object<Outcome<TDto>>($"{typeName}Batch", t => t
                .Field("results", $"[{typeName}BatchResult!]!")
                .Field("created", "Int!")
                .Field("updated", "Int!")
                .Field("archived", "Int!")
                .Field("failed", "Int!")
                .Field("committed", "Boolean!", f => f.Description("False when the batch was atomic and something failed: nothing took effect.")))
            .Object<Payload<Outcome<TDto>>>($"Batch{plural}Payload", t => t
                .Field("batch", $"{typeName}Batch", p => p.Record, "Each operation's outcome, also when an atomic batch was not applied.")
                .Field("userErrors", "[UserError!]!", p => p.UserErrors.Count > 0 || p.Record is not { Committed: false } outcome
                        ? p.UserErrors
                        : Flatten(outcome.FailureErrors, "VALIDATION_FAILED"),
                    "Why the batch was refused, or — atomic and not applied — every failure by operations[i].field."))
            .Mutation(m => m.Field($"batch{plural}", $"Batch{plural}Payload", f => f
                .Description($"Creates, updates, upserts or archives up to {BatchRequest.MaxOperations} {type.Plural}, as POST /api/v1/{type.Plural}/batch (needs {type.WriteScope}).")
                .Argument("input", "BatchInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, async () =>
                {
                    var (result, committed) = await c.Service<RecordBatch>().RunAsync(type, c.Service<TUseCases>(),
                        RequestJson.Read<BatchRequest>(Inputs.Body(c.Inner, "input")), c.CancellationToken);
                    var items = result.Results.Select(r => new Item<TDto>(r.Index, r.Status, r.Id, (TDto?)r.Record, r.Error)).ToList();
                    return new Outcome<TDto>(items, result.Created, result.Updated, result.Archived, result.Failed, committed,
                        committed ? [] : result.FailureErrors());
                }))));
    }

    private static List<UserError> Flatten(IDictionary<string, string[]>? errors, string code) =>
        (errors ?? new Dictionary<string, string[]>()).SelectMany(e => e.Value.Select(message => new UserError(e.Key, message, code))).ToList();
}
