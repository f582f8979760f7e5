using System.Text.Json.Nodes;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Merge;

/// <summary>
/// What points at merged records, moved to the survivor — every row of the workspace, whoever owns it, since a link
/// left on an archived record would be lost to everyone. Moved rows are counted in the merge's audit event.
/// </summary>
public static class MergeAssociations
{
    public static async Task<JsonObject> OfContactsAsync(CrmDbContext db, Guid survivorId, Guid[] mergedIds, DateTime now, CancellationToken ct)
    {
        var activities = await db.Activities.IgnoreQueryFilters([CrmDbContext.VisibilityFilter])
            .Where(a => a.ContactId != null && mergedIds.Contains(a.ContactId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ContactId, survivorId).SetProperty(a => a.UpdatedAt, now), ct);
        // A deal that already has the survivor (or several of the merged) keeps one link.
        await db.DealContacts
            .Where(dc => mergedIds.Contains(dc.ContactId)
                && db.DealContacts.Any(other => other.DealId == dc.DealId
                    && (other.ContactId == survivorId || mergedIds.Contains(other.ContactId) && other.ContactId.CompareTo(dc.ContactId) < 0)))
            .ExecuteDeleteAsync(ct);
        var deals = await db.DealContacts.Where(dc => mergedIds.Contains(dc.ContactId))
            .ExecuteUpdateAsync(s => s.SetProperty(dc => dc.ContactId, survivorId), ct);
        return new JsonObject { ["activities"] = activities, ["deals"] = deals };
    }

    public static async Task<JsonObject> OfCompaniesAsync(CrmDbContext db, Guid survivorId, Guid[] mergedIds, DateTime now, CancellationToken ct)
    {
        var contacts = await db.Contacts.IgnoreQueryFilters([CrmDbContext.VisibilityFilter])
            .Where(c => c.CompanyId != null && mergedIds.Contains(c.CompanyId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CompanyId, survivorId).SetProperty(c => c.UpdatedAt, now), ct);
        var deals = await db.Deals.IgnoreQueryFilters([CrmDbContext.VisibilityFilter])
            .Where(d => d.CompanyId != null && mergedIds.Contains(d.CompanyId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.CompanyId, survivorId).SetProperty(d => d.UpdatedAt, now), ct);
        var activities = await db.Activities.IgnoreQueryFilters([CrmDbContext.VisibilityFilter])
            .Where(a => a.CompanyId != null && mergedIds.Contains(a.CompanyId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CompanyId, survivorId).SetProperty(a => a.UpdatedAt, now), ct);
        return new JsonObject { ["contacts"] = contacts, ["deals"] = deals, ["activities"] = activities };
    }
}
