using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Merge;

/// <summary>Merging duplicates through GraphQL, as REST's POST /api/v1/{contacts|companies}/merge (dry runs included).</summary>
public static class MergeGraph
{
    /// <summary>A merge's outcome with the survivor typed (REST's <see cref="MergeResult"/> holds it as an object).</summary>
    public sealed record Merged<TDto>(TDto Survivor, Guid[] MergedIds, JsonObject Moved, bool DryRun);

    public static SchemaBuilder AddMerges(this SchemaBuilder builder) => builder
        .InputObject("MergeInput", i => i
            .Description("Which records merge into which, and whose value each field takes.")
            .Field("survivorId", "UUID", "The record that stays.")
            .Field("mergedIds", "[UUID!]", "1 to 10 records merged into it: archived afterwards, pointing at the survivor.")
            .Field("fieldWinners", "JSON", "An object: field → the id of the record whose value it takes ({\"lastName\": \"<id>\", \"customFields.tier\": \"<id>\"}).")
            .FieldWithDefault("dryRun", "Boolean", false, "True: answer with the survivor as it would be, and change nothing."))
        .AddMerge<Contact, ContactDto, ContactInput, ContactUseCases>(ContactGraph.TypeName, "contact", ContactRecords.Type, MergeAssociations.OfContactsAsync)
        .AddMerge<Company, CompanyDto, CompanyInput, CompanyUseCases>(CompanyGraph.TypeName, "company", CompanyRecords.Type, MergeAssociations.OfCompaniesAsync);

    private static SchemaBuilder AddMerge<TEntity, TDto, TInput, TUseCases>(
        this SchemaBuilder builder, string typeName, string field, RecordType<TEntity, TDto> type, RecordMerge.MoveAssociations move)
        where TEntity : TaggedRecord, IMergeable where TDto : IVersioned where TInput : IRecordInput<TEntity, TInput>
        where TUseCases : notnull, IRecordUseCases<TInput, TDto>
    {
        var plural = RecordEndpoints.Pascal(type.Plural);
        return builder
            .AddPayload<Merged<TDto>>($"Merge{plural}Payload", t => t
                .Field(field, typeName, p => p.Record is null ? null : p.Record.Survivor, "The survivor after the merge (or as it would be, on a dry run).")
                .Field("mergedIds", "[UUID!]", p => p.Record?.MergedIds)
                .Field("moved", "JSON", p => JsonValues.Of(p.Record?.Moved), "How many associated records of each kind moved to the survivor.")
                .Field("dryRun", "Boolean", p => p.Record?.DryRun))
            .Mutation(m => m.Field($"merge{plural}", $"Merge{plural}Payload", f => f
                .Description($"Merges {type.Plural} into a survivor, as POST /api/v1/{type.Plural}/merge (needs {type.WriteScope}): " +
                    "field winners, associations moved, the others archived pointing at it.")
                .Argument("input", "MergeInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, async () =>
                {
                    var result = await c.Service<RecordMerge>().MergeAsync(type, c.Service<TUseCases>(),
                        RequestJson.Read<MergeInput>(Inputs.Body(c.Inner, "input")), move, c.CancellationToken);
                    return new Merged<TDto>((TDto)result.Survivor, result.MergedIds, result.Moved, result.DryRun);
                }))));
    }
}
