namespace HeadlessCrm.Api.Features.Erasure;

/// <summary>What an erasure removed, without anything of the person: ids and counts only.</summary>
public sealed record ErasureResult(Guid ContactId, Guid[] ErasedContactIds, int ActivitiesDeleted, int ActivitiesScrubbed, bool ReimportBlocked);

/// <summary>The (optional) body of <c>POST /api/v1/contacts/{id}/erase</c>.</summary>
public sealed record EraseInput
{
    /// <summary>Keep a one-way hash of each email address so the person cannot be created or imported again.</summary>
    public bool BlockReimport { get; init; }
}
