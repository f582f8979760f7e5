using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Companies;

public sealed record CompanyDto : IVersioned, IRecord
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Domain { get; init; }
    public CompanyKind Kind { get; init; }
    public string? Industry { get; init; }
    public int? EmployeeCount { get; init; }
    public string? Phone { get; init; }
    public required Address Address { get; init; }
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
