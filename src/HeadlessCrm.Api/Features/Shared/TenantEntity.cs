namespace HeadlessCrm.Api.Features.Shared;

/// <summary>A row that belongs to one workspace. The workspace and timestamps are set on save, never by callers.</summary>
public abstract class TenantEntity
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
