using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Merge;

/// <summary>A record and every record merged into it (directly or through earlier merges): whose history is its history.</summary>
public static class MergedRecords
{
    private const int MaxDepth = 10;

    public static async Task<List<Guid>> WithMergedAsync(CrmDbContext db, string recordType, Guid id, CancellationToken ct)
    {
        var all = new List<Guid> { id };
        var frontier = new List<Guid> { id };
        for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var current = frontier;
            frontier = recordType switch
            {
                "contact" => await db.Contacts.IgnoreQueryFilters([CrmDbContext.VisibilityFilter])
                    .Where(c => c.MergedIntoId != null && current.Contains(c.MergedIntoId.Value)).Select(c => c.Id).ToListAsync(ct),
                "company" => await db.Companies.IgnoreQueryFilters([CrmDbContext.VisibilityFilter])
                    .Where(c => c.MergedIntoId != null && current.Contains(c.MergedIntoId.Value)).Select(c => c.Id).ToListAsync(ct),
                _ => [],
            };
            all.AddRange(frontier);
        }
        return all;
    }
}
