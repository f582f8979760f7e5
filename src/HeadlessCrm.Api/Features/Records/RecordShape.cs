namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// The members of a record's public shape a reader needs (<see cref="RecordType{TEntity,TDto}.ProjectionOf"/>), by
/// property name. <see cref="Key"/> names the set, for caches and for DataLoaders that must not share records read
/// with other members.
/// </summary>
public sealed class RecordShape
{
    public RecordShape(IEnumerable<string> members)
    {
        var sorted = new SortedSet<string>(members, StringComparer.Ordinal);
        Members = sorted;
        Key = string.Join(',', sorted);
    }

    public IReadOnlySet<string> Members { get; }

    public string Key { get; }
}
