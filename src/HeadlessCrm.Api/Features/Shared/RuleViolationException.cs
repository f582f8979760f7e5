namespace HeadlessCrm.Api.Features.Shared;

/// <summary>
/// Input that is well-formed but breaks a rule of the domain (a lost deal without a reason, an unknown company).
/// Becomes a 422 problem whose <c>errors</c> name each field and why.
/// </summary>
public sealed class RuleViolationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request breaks one or more rules: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public RuleViolationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
