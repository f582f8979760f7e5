namespace HeadlessCrm.Api.Features.Workspaces;

/// <summary>A tenant: one company's CRM. Nothing crosses from one workspace to another.</summary>
public sealed class Workspace
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
