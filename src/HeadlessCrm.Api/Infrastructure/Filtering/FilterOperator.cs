namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>The operators of a condition. Which apply depends on the field's type (see <see cref="FilterSchema{T}"/>).</summary>
public enum FilterOperator
{
    Eq,
    Neq,
    In,
    NotIn,
    Gt,
    Gte,
    Lt,
    Lte,
    Contains,
    StartsWith,
    IsNull,
    ContainsAny,
    ContainsAll,
    Within,
}
