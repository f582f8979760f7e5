namespace HeadlessCrm.GraphQL.Types;

/// <summary>A value that a scalar, enum or input type cannot accept or represent (spec §3.5 coercion rules).</summary>
public sealed class CoercionException(string message) : Exception(message);
