using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Contacts;

public sealed record ContactDto : IVersioned, IRecord
{
    public Guid Id { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public required IReadOnlyList<ContactEmail> Emails { get; init; }
    public required IReadOnlyList<ContactPhone> Phones { get; init; }
    public string? Title { get; init; }
    public Guid? CompanyId { get; init; }
    public DateOnly? Birthday { get; init; }
    public required Address Address { get; init; }
    public LifecycleStage LifecycleStage { get; init; }
    public SourceChannel? Source { get; init; }
    public Guid? OwnerId { get; init; }
    public required string[] Tags { get; init; }
    public required JsonObject CustomFields { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? ArchivedAt { get; init; }
    /// <summary>When set, this record was merged into that one: read the survivor instead.</summary>
    public Guid? MergedIntoId { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }
}
