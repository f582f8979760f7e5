using System.Text.Json;

namespace HeadlessCrm.Api.Features.Batch;

/// <summary>One operation of a batch.</summary>
public sealed record BatchOperation
{
    /// <summary>create, update, upsert or archive.</summary>
    public string? Op { get; init; }

    /// <summary>The record to update or archive.</summary>
    public Guid? Id { get; init; }

    /// <summary>An ETag the record must still have (update, archive).</summary>
    public string? IfMatch { get; init; }

    /// <summary>
    /// Upsert only: what identifies an existing record — <c>email</c> (contacts), <c>domain</c> (companies) or
    /// <c>customFields.&lt;key&gt;</c> of a unique custom field (any type; an external id is such a field).
    /// </summary>
    public string? MatchBy { get; init; }

    /// <summary>The record's fields, as for a create; for an update (and an upsert that matches), a JSON merge patch.</summary>
    public JsonElement? Record { get; init; }
}
