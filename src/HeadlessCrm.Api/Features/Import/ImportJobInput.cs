namespace HeadlessCrm.Api.Features.Import;

/// <summary>The body of <c>POST /api/v1/imports</c>: what the CSV uploaded next will be imported into, and how.</summary>
public sealed record ImportJobInput
{
    /// <summary>contacts, companies, deals or activities.</summary>
    public string? Object { get; init; }

    /// <summary>
    /// Each header of the file → the field it fills (<c>firstName</c>, <c>emails</c>, <c>address.city</c>,
    /// <c>customFields.tier</c>), or null to leave the column out. Every column of the file must be listed.
    /// </summary>
    public Dictionary<string, string?>? Columns { get; init; }

    /// <summary>
    /// Upsert key: <c>email</c> (contacts), <c>domain</c> (companies) or <c>customFields.&lt;key&gt;</c> of a unique custom
    /// field (an external id); rows matching a record you can see update it, the others create one. Null: create only.
    /// </summary>
    public string? MatchBy { get; init; }

    /// <summary>Run every row through the same checks and report what would happen, writing nothing.</summary>
    public bool DryRun { get; init; }
}
