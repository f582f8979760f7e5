using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Infrastructure.OpenApi;

/// <summary>Endpoint metadata: a list's query parameters, which the handler reads itself, for the OpenAPI document.</summary>
public sealed record ListParametersMetadata(IReadOnlyList<ListParameter> Parameters, IEnumerable<string> Sorts, string DefaultSort);
