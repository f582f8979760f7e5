using System.Linq.Expressions;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

public static class LookupKeysFilters
{
    /// <summary>
    /// A text[] of near-unique lookup keys (email addresses, phone numbers): filtered like <see cref="FilterSchema{T}.Tags"/>, but looked
    /// up first through the column's GIN index (see <see cref="LookupKeysField{T}"/>).
    /// </summary>
    public static FilterSchema<T> LookupKeys<T>(this FilterSchema<T> schema, string name, Expression<Func<T, string[]>> accessor, Func<string, string> normalise,
        Expression<Func<T, Guid>> id) where T : class =>
        schema.Add(new LookupKeysField<T>(new TagsField<T>(name, accessor, normalise), id));
}
