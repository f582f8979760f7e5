using System.Text.Json;

namespace HeadlessCrm.Api.Features.Batch;

/// <summary>The body of <c>POST /api/v1/&lt;resource&gt;/batch</c>: 1 to 100 operations, run in order.</summary>
public sealed record BatchRequest
{
    public const int MaxOperations = 100;

    /// <summary>True: all operations take effect or none does (a 422 lists every failure). False (default): each stands alone.</summary>
    public bool Atomic { get; init; }

    /// <summary>Each a <see cref="BatchOperation"/>; a malformed one fails alone, with its index.</summary>
    public JsonElement[]? Operations { get; init; }
}
