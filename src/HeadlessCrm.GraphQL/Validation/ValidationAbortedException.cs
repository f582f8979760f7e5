namespace HeadlessCrm.GraphQL.Validation;

/// <summary>Stops validation once the error limit is reached, so a hostile document cannot produce unbounded errors.</summary>
internal sealed class ValidationAbortedException : Exception;
