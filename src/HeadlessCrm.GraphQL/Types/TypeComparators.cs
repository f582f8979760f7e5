namespace HeadlessCrm.GraphQL.Types;

/// <summary>Type relations the spec uses in validation and schema checks.</summary>
public static class TypeComparators
{
    /// <summary>Whether a value of <paramref name="maybeSubType"/> is always a valid <paramref name="superType"/> (covariance).</summary>
    public static bool IsSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        var sub = (NamedType)maybeSubType;
        var super = (NamedType)superType;
        return sub == super || (super.IsAbstract && schema.IsSubType(super, sub));
    }

    /// <summary>Whether two composite types can share a value: equal, or overlapping possible types.</summary>
    public static bool DoTypesOverlap(Schema schema, NamedType a, NamedType b)
    {
        if (a == b)
        {
            return true;
        }

        if (a.IsAbstract)
        {
            return b.IsAbstract
                ? schema.GetPossibleTypes(a).Any(t => schema.IsPossibleType(b, t))
                : b is ObjectType o && schema.IsPossibleType(a, o);
        }

        return b.IsAbstract && a is ObjectType objectType && schema.IsPossibleType(b, objectType);
    }
}
