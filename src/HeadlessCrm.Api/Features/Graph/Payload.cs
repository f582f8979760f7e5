namespace HeadlessCrm.Api.Features.Graph;

/// <summary>What every mutation returns: the record as it now is (null when refused) and why it was refused.</summary>
public sealed record Payload<TDto>(TDto? Record, IReadOnlyList<UserError> UserErrors);
