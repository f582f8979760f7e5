using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Audit;
using HeadlessCrm.Api.Features.Merge;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Erasure;

/// <summary>
/// Permanently erases a contact (and the records merged into it: the same person) in one transaction: the contact
/// rows, its deal participation, its activities (deleted when they belong to nothing else, otherwise unlinked and their
/// personal fields blanked), the history and event copies of all of these (blanked through crm_erase_history), and
/// stored idempotent responses that show it. What remains is one <c>erased</c> audit event with ids and counts, and —
/// when asked — the hashes of its email addresses that block re-import.
/// </summary>
public sealed class ContactErasure(CrmDbContext db, RequestContext caller, ErasedEmails erasedEmails, TimeProvider clock)
{
    public async Task<ErasureResult> EraseAsync(Guid id, bool blockReimport, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Contacts.AnyAsync(c => c.Id == id, ct)) throw new RecordNotFoundException("contact", id);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = (await MergedRecords.WithMergedAsync(db, "contact", id, ct)).ToArray();
        var contacts = db.Contacts.IgnoreQueryFilters([CrmDbContext.VisibilityFilter]).Where(c => ids.Contains(c.Id));
        var emails = (await contacts.Select(c => c.EmailKeys).ToListAsync(ct)).SelectMany(k => k).Distinct().ToList();

        var activities = db.Activities.IgnoreQueryFilters([CrmDbContext.VisibilityFilter])
            .Where(a => a.ContactId != null && ids.Contains(a.ContactId.Value));
        var activityIds = await activities.Select(a => a.Id).ToArrayAsync(ct);
        var deleted = await activities.Where(a => a.CompanyId == null && a.DealId == null).ExecuteDeleteAsync(ct);
        var scrubbed = await activities.ExecuteUpdateAsync(s => s
            .SetProperty(a => a.ContactId, (Guid?)null)
            .SetProperty(a => a.Subject, "(erased)")
            .SetProperty(a => a.Body, (string?)null)
            .SetProperty(a => a.Outcome, (string?)null)
            .SetProperty(a => a.RecordingUrl, (string?)null)
            .SetProperty(a => a.UpdatedAt, now), ct);
        await db.DealContacts.Where(dc => ids.Contains(dc.ContactId)).ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT crm_erase_history('contact', {ids})", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT crm_erase_history('activity', {activityIds})", ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM idempotency_keys WHERE workspace_id = {caller.WorkspaceId} AND EXISTS (SELECT 1 FROM unnest({ids}) AS erased (id) WHERE position(convert_to(erased.id::text, 'UTF8') IN response_body) > 0)", ct);
        await contacts.ExecuteDeleteAsync(ct);

        if (blockReimport)
        {
            foreach (var hash in emails.Select(erasedEmails.Hash).Distinct())
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO erasure_blocks (workspace_id, email_hash, created_at) VALUES ({caller.WorkspaceId}, {hash}, {now}) ON CONFLICT DO NOTHING", ct);
        }
        var changes = new JsonObject
        {
            ["erasedContactIds"] = new JsonArray(ids.Select(i => (JsonNode)i.ToString()).ToArray()),
            ["activitiesDeleted"] = deleted,
            ["activitiesScrubbed"] = scrubbed,
            ["reimportBlocked"] = blockReimport,
        };
        db.Record(AuditTrail.Event(caller, now, "contact", id, "erased", changes), entity: null);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ErasureResult(id, ids, deleted, scrubbed, blockReimport);
    }
}
