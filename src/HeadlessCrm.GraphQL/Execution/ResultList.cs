namespace HeadlessCrm.GraphQL.Execution;

/// <summary>A list of the response (spec §6.4.3 list completion).</summary>
public sealed class ResultList : ResultNode, IReadOnlyList<object?>
{
    private readonly object?[] _items;

    internal ResultList(int count) => _items = new object?[count];

    public int Count => _items.Length;

    public object? this[int index] => _items[index];

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _items.GetEnumerator();

    internal override void SetSlot(int index, object? value) => _items[index] = value;

    internal override object PathSegment(int index) => index;
}
