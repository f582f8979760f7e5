namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// Wraps a field's resolver: runs before (and after) it, may short-circuit by returning a value or throwing a
/// <see cref="GraphQLException"/>, which turns the field into an error and null. Guards are middleware.
/// </summary>
public delegate ValueTask<object?> FieldMiddleware(IResolveContext context, FieldResolver next);
