using System.Text.Json;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Deals;

/// <summary>Creating, changing and moving deals, their contacts, and their stage history.</summary>
public sealed class DealUseCases(
    CrmDbContext db, RequestContext caller, RecordWriter writer, RecordLifecycle lifecycle, RecordReferences references, TimeProvider clock)
    : IRecordUseCases<DealInput, DealDto>
{
    public Task<DealDto> CreateAsync(DealInput input, CancellationToken ct) =>
        writer.CreateAsync(DealRecords.Type, input, i => new Deal { Title = i.Title! }, ApplyAsync, ct);

    public Task<DealDto> UpdateAsync(Guid id, string? ifMatch, JsonElement patch, CancellationToken ct) =>
        writer.UpdateAsync<Deal, DealDto, DealInput>(DealRecords.Type, id, ifMatch, patch, ApplyAsync, ct);

    /// <summary>Adds a contact to the deal (nothing happens if it is already there).</summary>
    public async Task AddContactAsync(Guid dealId, Guid contactId, CancellationToken ct)
    {
        caller.Demand(Scopes.DealsWrite);
        var deal = await lifecycle.LoadForChangeAsync(DealRecords.Type.Name, dealId, null, ct, DealRecords.Type.ForChange);
        if (deal.Contacts.Any(c => c.ContactId == contactId)) return;
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId, ct)) throw new RecordNotFoundException("contact", contactId);
        deal.Contacts.Add(new DealContact { DealId = deal.Id, ContactId = contactId });
        await TouchAsync(deal, ct);
    }

    public async Task RemoveContactAsync(Guid dealId, Guid contactId, CancellationToken ct)
    {
        caller.Demand(Scopes.DealsWrite);
        var deal = await lifecycle.LoadForChangeAsync(DealRecords.Type.Name, dealId, null, ct, DealRecords.Type.ForChange);
        var link = deal.Contacts.FirstOrDefault(c => c.ContactId == contactId) ?? throw new RecordNotFoundException("contact", contactId);
        deal.Contacts.Remove(link);
        await TouchAsync(deal, ct);
    }

    public async Task<IReadOnlyList<StageStayDto>> StageHistoryAsync(Guid dealId, CancellationToken ct)
    {
        caller.Demand(Scopes.DealsRead);
        if (!await db.Deals.AnyAsync(d => d.Id == dealId, ct)) throw new RecordNotFoundException("deal", dealId);
        return await db.DealStageHistory.AsNoTracking()
            .Where(h => h.DealId == dealId)
            .OrderBy(h => h.EnteredAt).ThenBy(h => h.Id)
            .Select(h => new StageStayDto(h.PipelineId, h.StageId, h.EnteredAt, h.LeftAt))
            .ToListAsync(ct);
    }

    private async Task ApplyAsync(DealInput input, Deal deal, CancellationToken ct)
    {
        var creating = deal.StageHistory.Count == 0;
        var stage = await ResolveStageAsync(input, deal, creating, ct);
        if (stage.Kind != StageKind.Lost && input.LostReason is not null && input.LostReason != deal.LostReason)
            throw new RuleViolationException("lostReason", "Only a deal in a lost stage has a lost reason.");

        if (input.CompanyId != deal.CompanyId) await references.EnsureVisibleAsync<Company>(input.CompanyId, "companyId", ct);
        deal.Title = input.Title!.Trim();
        deal.Amount = input.Amount;
        deal.Currency = input.Currency;
        deal.ExpectedCloseDate = input.ExpectedCloseDate;
        deal.CompanyId = input.CompanyId;
        deal.OwnerId = input.OwnerId;
        deal.Tags = RuleCheck.NormaliseTags(input.Tags);
        deal.CustomFields = input.CustomFields ?? [];
        if (creating || stage.Id != deal.StageId || input.LostReason != deal.LostReason)
            deal.MoveTo(stage, stage.Kind == StageKind.Lost ? input.LostReason : null, clock.GetUtcNow().UtcDateTime);
        await SetContactsAsync(deal, input.ContactIds ?? [], ct);
    }

    /// <summary>The stage asked for, else the first stage of the pipeline asked for, else of the first pipeline.</summary>
    private async Task<PipelineStage> ResolveStageAsync(DealInput input, Deal deal, bool creating, CancellationToken ct)
    {
        var pipelineChanged = creating || input.PipelineId != deal.PipelineId;
        if (input.StageId is { } stageId && (creating || stageId != deal.StageId || !pipelineChanged))
        {
            var stage = await db.PipelineStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct)
                ?? throw new RuleViolationException("stageId", "No such stage in this workspace.");
            if (pipelineChanged && input.PipelineId is { } pipelineId && pipelineId != stage.PipelineId)
                throw new RuleViolationException("stageId", "The stage belongs to another pipeline.");
            await EnsureLivePipelineAsync(stage.PipelineId, ct);
            return stage;
        }

        var pipeline = input.PipelineId
            ?? await db.Pipelines.Where(p => p.ArchivedAt == null).OrderBy(p => p.Position).ThenBy(p => p.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new RuleViolationException("pipelineId", "The workspace has no pipeline; create one first.");
        await EnsureLivePipelineAsync(pipeline, ct);
        return await db.PipelineStages.AsNoTracking()
                   .Where(s => s.PipelineId == pipeline && s.ArchivedAt == null)
                   .OrderBy(s => s.Kind == StageKind.Open ? 0 : 1).ThenBy(s => s.Position)
                   .FirstOrDefaultAsync(ct)
               ?? throw new RuleViolationException("pipelineId", "The pipeline has no stages.");
    }

    private async Task EnsureLivePipelineAsync(Guid pipelineId, CancellationToken ct)
    {
        var archived = await db.Pipelines.Where(p => p.Id == pipelineId).Select(p => (bool?)(p.ArchivedAt != null)).FirstOrDefaultAsync(ct);
        if (archived is null) throw new RuleViolationException("pipelineId", "No such pipeline in this workspace.");
        if (archived.Value) throw new RuleViolationException("pipelineId", "The pipeline is archived.");
    }

    private async Task SetContactsAsync(Deal deal, IReadOnlyCollection<Guid> wanted, CancellationToken ct)
    {
        var ids = wanted.Distinct().ToHashSet();
        deal.Contacts.RemoveAll(c => !ids.Contains(c.ContactId));
        var added = ids.Where(id => deal.Contacts.All(c => c.ContactId != id)).ToList();
        if (added.Count > 0 && !caller.SeesWholeWorkspace && await db.Contacts.CountAsync(c => added.Contains(c.Id), ct) != added.Count)
            throw new RuleViolationException("contactIds", "Refers to a contact you cannot see.");
        deal.Contacts.AddRange(added.Select(id => new DealContact { DealId = deal.Id, ContactId = id }));
    }

    /// <summary>A change of the deal's contacts is a change of the deal: new updatedAt, new ETag.</summary>
    private async Task TouchAsync(Deal deal, CancellationToken ct)
    {
        db.Entry(deal).Property(d => d.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
    }
}
