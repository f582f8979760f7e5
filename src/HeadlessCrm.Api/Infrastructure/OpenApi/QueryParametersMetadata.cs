namespace HeadlessCrm.Api.Infrastructure.OpenApi;

/// <summary>Endpoint metadata: query parameters (name → description) the handler reads itself, for the OpenAPI document.</summary>
public sealed record QueryParametersMetadata(IReadOnlyList<KeyValuePair<string, string>> Parameters);
