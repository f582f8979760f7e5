namespace HeadlessCrm.Api.Features.Shared;

/// <summary>The request is valid but clashes with the record's current state (a 409).</summary>
public sealed class ConflictException(string message) : Exception(message);
