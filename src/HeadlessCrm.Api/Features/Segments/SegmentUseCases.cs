using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Segments;

/// <summary>
/// Saving segments (the write scope of their record type), reading them (its read scope) and evaluating their members
/// through <see cref="RecordReader"/>, so the tenant and visibility filters apply as to any list.
/// </summary>
public sealed class SegmentUseCases(CrmDbContext db, RequestContext caller, CustomFieldCatalog customFields, RecordReader reader)
{
    public async Task<IReadOnlyList<SegmentDto>> ListAsync(string? objectName, CancellationToken ct)
    {
        if (objectName is not null && !SegmentObjects.ByName.TryGetValue(objectName, out _))
            throw new InvalidQueryException("object", $"One of: {string.Join(", ", SegmentObjects.ByName.Keys)}.");
        var readable = SegmentObjects.ByName.Where(p => caller.Has(p.Value.ReadScope) && (objectName is null || p.Key == objectName))
            .Select(p => p.Key).ToList();
        if (objectName is not null && readable.Count == 0) throw new MissingScopeException(SegmentObjects.ByName[objectName].ReadScope);
        var segments = await db.Set<Segment>().AsNoTracking().Where(s => readable.Contains(s.Object))
            .OrderBy(s => s.Object).ThenBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        return segments.Select(SegmentDto.From).ToList();
    }

    public async Task<SegmentDto> GetAsync(Guid id, CancellationToken ct) => SegmentDto.From(await LoadReadableAsync(id, ct));

    public async Task<SegmentDto> CreateAsync(SegmentInput input, CancellationToken ct)
    {
        var filter = await CheckAsync(input, ct);
        var segment = new Segment { Name = input.Name!.Trim(), Object = input.Object!, Filter = filter };
        db.Add(segment);
        await db.SaveChangesAsync(ct);
        return SegmentDto.From(segment);
    }

    /// <summary>A JSON merge patch of name and object; a <c>filter</c> in the patch replaces the saved tree whole.</summary>
    public async Task<SegmentDto> UpdateAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        var segment = await LoadAsync(id, ct);
        caller.Demand(SegmentObjects.ByName[segment.Object].WriteScope);
        var changes = JsonNode.Parse(patch.GetRawText())!.AsObject();
        var newFilter = changes.Remove("filter", out var filterNode);
        var input = MergePatch.Apply(SegmentInput.From(segment), JsonSerializer.SerializeToElement(changes));
        if (newFilter) input = input with { Filter = filterNode is null ? null : JsonSerializer.SerializeToElement(filterNode) };

        segment.Filter = await CheckAsync(input, ct);
        segment.Name = input.Name!.Trim();
        segment.Object = input.Object!;
        await db.SaveChangesAsync(ct);
        return SegmentDto.From(segment);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var segment = await LoadAsync(id, ct);
        caller.Demand(SegmentObjects.ByName[segment.Object].WriteScope);
        db.Remove(segment);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The members the caller can see, in the record type's default order, keyset-paged.</summary>
    public async Task<object> MembersAsync(Guid id, int limit, string? cursor, CancellationToken ct)
    {
        var (records, request) = await EvaluateAsync(id, limit, cursor, ct);
        return await records.ListAsync(reader, request, ct);
    }

    public async Task<SegmentCount> CountAsync(Guid id, CancellationToken ct)
    {
        var (records, request) = await EvaluateAsync(id, ListRequest.DefaultLimit, null, ct);
        return new SegmentCount(await records.CountAsync(reader, request, ct));
    }

    private async Task<(ISegmentObject Records, ListRequest Request)> EvaluateAsync(Guid id, int limit, string? cursor, CancellationToken ct)
    {
        var segment = await LoadReadableAsync(id, ct);
        var filter = FilterParser.Parse(JsonDocument.Parse(segment.Filter).RootElement);
        return (SegmentObjects.ByName[segment.Object], new ListRequest(filter, null, ListRequest.CheckLimit(limit), cursor, false));
    }

    /// <summary>Checks the input and its filter against the record type's fields and custom fields; returns the filter's JSON.</summary>
    private async Task<string> CheckAsync(SegmentInput input, CancellationToken ct)
    {
        var check = new RuleCheck();
        input.Check(check);
        check.ThrowIfBroken();
        var records = SegmentObjects.ByName[input.Object!];
        caller.Demand(records.WriteScope);
        var filter = FilterParser.Parse(input.Filter!.Value);
        var context = await customFields.FilterContextAsync(new ListRequest(filter, null, ListRequest.DefaultLimit, null, false), ct);
        records.Check(filter, context);
        return input.Filter.Value.GetRawText();
    }

    private async Task<Segment> LoadReadableAsync(Guid id, CancellationToken ct)
    {
        var segment = await db.Set<Segment>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new RecordNotFoundException("segment", id);
        caller.Demand(SegmentObjects.ByName[segment.Object].ReadScope);
        return segment;
    }

    private async Task<Segment> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<Segment>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new RecordNotFoundException("segment", id);
}
