namespace HeadlessCrm.Api.Features.Shared;

/// <summary>An If-Match that no longer matches the record's ETag (412): someone else changed it first.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);
