namespace HeadlessCrm.GraphQL.Execution;

/// <summary>Produces a field's value (spec §6.4.2 ResolveFieldValue). A sync resolver returns a completed ValueTask.</summary>
public delegate ValueTask<object?> FieldResolver(IResolveContext context);
