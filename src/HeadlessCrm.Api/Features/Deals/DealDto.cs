using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Deals;

public sealed record DealDto : IVersioned, IRecord
{
    public Guid Id { get; init; }
    public required string Title { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public Guid PipelineId { get; init; }
    public Guid StageId { get; init; }
    public DateTime StageEnteredAt { get; init; }
    public DateOnly? ExpectedCloseDate { get; init; }
    /// <summary>Follows the stage: open, won or lost.</summary>
    public DealStatus Status { get; init; }
    public string? LostReason { get; init; }
    public DateTime? ClosedAt { get; init; }
    public Guid? CompanyId { get; init; }
    public required IReadOnlyList<Guid> ContactIds { get; init; }
    public Guid? OwnerId { get; init; }
    public required string[] Tags { get; init; }
    public required JsonObject CustomFields { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? ArchivedAt { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }
}
