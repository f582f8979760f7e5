namespace HeadlessCrm.Api.Features.Shared;

/// <summary>
/// A customer-facing record (company, contact, deal, activity): owned by a member, taggable, extensible with
/// custom fields, archived rather than deleted, and versioned for ETags.
/// </summary>
public abstract class CrmRecord : TenantEntity
{
    public Guid? OwnerId { get; set; }
    public DateTime? ArchivedAt { get; set; }

    /// <summary>PostgreSQL's xmin: changes with every update of the row; the ETag and the optimistic-concurrency token.</summary>
    public uint Version { get; set; }
}
