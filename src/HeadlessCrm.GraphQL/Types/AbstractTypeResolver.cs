namespace HeadlessCrm.GraphQL.Types;

/// <summary>Names the object type of a value returned for an interface or union field (spec §6.4.3 ResolveAbstractType).</summary>
public delegate string? AbstractTypeResolver(object value);
