namespace HeadlessCrm.Api.Features.Inbound;

public sealed record WebFormInput(
    string? Name = null, string[]? AllowedOrigins = null, Dictionary<string, string>? FieldMap = null, string? HoneypotField = null,
    Guid? DefaultOwnerId = null);

/// <summary>A web form; <c>submitUrl</c> is where its page posts (the form key in it is public).</summary>
public sealed record WebFormDto(
    Guid Id, string Name, string FormKey, string SubmitUrl, string[] AllowedOrigins, Dictionary<string, string> FieldMap,
    string? HoneypotField, Guid? DefaultOwnerId, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>What a submitter is told: the same whether the lead was new, known or dropped as spam.</summary>
public sealed record SubmissionReceipt(bool Received);
