using System.Text.Json.Serialization;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Members;

public sealed record TeamDto : IVersioned, IRecord
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<Guid> MemberIds { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? ArchivedAt { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }
}

public sealed record TeamInput(string? Name = null);
