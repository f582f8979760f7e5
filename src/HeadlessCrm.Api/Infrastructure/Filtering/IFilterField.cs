using System.Linq.Expressions;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>One filterable field of a resource (or a relation leading to another resource's fields).</summary>
public interface IFilterField<T>
{
    string Name { get; }

    /// <summary>What the field holds, for documentation ("uuid", "date", "one of: lead, …", "relation to company").</summary>
    string Describe();

    IReadOnlyCollection<FilterOperator> Operators { get; }

    /// <param name="context">The workspace's custom field types.</param>
    /// <param name="rest">The path after this field's name, for relations (<c>kind</c> of <c>company.kind</c>).</param>
    Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context);
}
