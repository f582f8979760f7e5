using HeadlessCrm.Api.Features.Activities;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>A call as a telephony system reports it; the other party is <c>from</c> on inbound calls, <c>to</c> on outbound ones.</summary>
public sealed record CallInput
{
    /// <summary>The telephony system's call id: the same id delivered again finds the call already logged.</summary>
    public string? ExternalId { get; init; }
    public ActivityDirection? Direction { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public int? DurationSeconds { get; init; }
    /// <summary>e.g. connected, no_answer, busy, left_voicemail.</summary>
    public string? Outcome { get; init; }
    public string? RecordingUrl { get; init; }
    /// <summary>When the call started; now if not given.</summary>
    public DateTime? OccurredAt { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
    /// <summary>Defaults to the matched contact's owner, else the calling member.</summary>
    public Guid? OwnerId { get; init; }
}

/// <summary>An email as a mail system or client logs it.</summary>
public sealed record EmailInput
{
    /// <summary>e.g. the Message-ID: the same id logged again finds the email already logged.</summary>
    public string? ExternalId { get; init; }
    public string? From { get; init; }
    public string[]? To { get; init; }
    public string[]? Cc { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
    /// <summary>inbound or outbound; if not given, inbound when the sender is a contact, else outbound.</summary>
    public ActivityDirection? Direction { get; init; }
    public DateTime? OccurredAt { get; init; }
    public Guid? OwnerId { get; init; }
}

/// <summary>The logged call: its activity, the other party's number in E.164, and the contact it was matched to.</summary>
public sealed record LoggedCall(ActivityDto Activity, string PhoneNumber, Guid? MatchedContactId);

/// <summary>The logged email: its activity (linked to the counterpart contact) and every contact an address matched.</summary>
public sealed record LoggedEmail(ActivityDto Activity, IReadOnlyList<Guid> MatchedContactIds);
