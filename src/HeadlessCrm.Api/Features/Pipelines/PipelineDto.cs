using System.Text.Json.Serialization;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Pipelines;

public sealed record PipelineDto : IVersioned, IRecord
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public int Position { get; init; }
    /// <summary>In order; archived stages are left out.</summary>
    public required IReadOnlyList<StageDto> Stages { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? ArchivedAt { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }
}

public sealed record StageDto(Guid Id, string Name, int Position, decimal Probability, StageKind Kind);
