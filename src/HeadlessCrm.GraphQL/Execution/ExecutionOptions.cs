namespace HeadlessCrm.GraphQL.Execution;

/// <summary>How the executor treats errors.</summary>
public sealed record ExecutionOptions
{
    public static ExecutionOptions Default { get; } = new();

    public ErrorFilter? ErrorFilter { get; init; }

    /// <summary>Called with every exception that was masked, e.g. to log it; never sees GraphQLExceptions.</summary>
    public Action<Exception, IResolveContext>? OnUnexpectedException { get; init; }

    /// <summary>Show unexpected exceptions' messages to clients; for development only.</summary>
    public bool ExposeExceptionMessages { get; init; }
}
