using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Deals;

/// <summary>The writable fields of a deal: the body of a create, and what a merge patch is applied to.</summary>
public sealed record DealInput : IRecordInput<Deal, DealInput>
{
    public const int MaxContacts = 100;

    public string? Title { get; init; }
    public decimal? Amount { get; init; }
    /// <summary>ISO 4217; required with an amount.</summary>
    public string? Currency { get; init; }
    /// <summary>Defaults to the stage's pipeline, or the first pipeline.</summary>
    public Guid? PipelineId { get; init; }
    /// <summary>Defaults to the pipeline's first stage. Changing it moves the deal (and records stage history).</summary>
    public Guid? StageId { get; init; }
    public DateOnly? ExpectedCloseDate { get; init; }
    /// <summary>Required to move a deal into a lost stage; only lost deals have one.</summary>
    public string? LostReason { get; init; }
    public Guid? CompanyId { get; init; }
    /// <summary>The people involved; replaces the whole set.</summary>
    public Guid[]? ContactIds { get; init; }
    /// <summary>A member of the workspace; defaults to the calling member.</summary>
    public Guid? OwnerId { get; init; }
    public string[]? Tags { get; init; }
    public JsonObject? CustomFields { get; init; }

    public static DealInput From(Deal d) => new()
    {
        Title = d.Title,
        Amount = d.Amount,
        Currency = d.Currency,
        PipelineId = d.PipelineId,
        StageId = d.StageId,
        ExpectedCloseDate = d.ExpectedCloseDate,
        LostReason = d.LostReason,
        CompanyId = d.CompanyId,
        ContactIds = d.Contacts.Select(c => c.ContactId).ToArray(),
        OwnerId = d.OwnerId,
        Tags = d.Tags,
        CustomFields = d.CustomFields,
    };

    public void Check(RuleCheck check) => check
        .Required(Title, "title").Text(Title, "title", 300)
        .Must(Amount is null or >= 0 and < 1_000_000_000_000_000m, "amount", "Zero or more, below 10^15.")
        .Must(Amount is null || decimal.Round(Amount.Value, 4) == Amount.Value, "amount", "At most four decimals.")
        .Must(Amount is null || Currency is not null, "currency", "Required with an amount.")
        .Must(Currency is null || CurrencyCodes.IsValid(Currency), "currency", "An ISO 4217 code in capitals, like EUR.")
        .Text(LostReason, "lostReason", 500)
        .Must(ContactIds is null || ContactIds.Length <= MaxContacts, "contactIds", $"At most {MaxContacts} contacts.")
        .Tags(Tags)
        .CustomFields(CustomFields);

    public DealInput WithDefaults(Guid? callerMemberId) => this with { OwnerId = OwnerId ?? callerMemberId };
}
