namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// Maps an exception a resolver threw to the error the client sees, e.g. a domain "not found" to a message with
/// <c>extensions.code</c>. Return null to leave the engine's default: a GraphQLException's own message, otherwise a
/// masked "Unexpected error." that never leaks a stack trace.
/// </summary>
public delegate GraphQLError? ErrorFilter(Exception exception, IResolveContext context);
