using HeadlessCrm.GraphQL.Execution;

namespace HeadlessCrm.GraphQL.Tests.Execution;

public class ValueConverterTests
{
    private sealed record Filter(string Name, IReadOnlyList<Guid> Ids, int? Limit = 25)
    {
        public bool Archived { get; init; }
    }

    private sealed class Patch
    {
        public string? Title { get; set; }

        public HashSet<int> Tags { get; set; } = [];
    }

    [Fact]
    public void Input_dictionaries_bind_to_records_by_name_ignoring_case()
    {
        var id = Guid.NewGuid();
        var filter = ValueConverter.Convert<Filter>(new Dictionary<string, object?> { ["name"] = "x", ["ids"] = new List<object?> { id }, ["archived"] = true });
        Assert.Equal("x", filter.Name);
        Assert.Equal([id], filter.Ids);
        Assert.Equal(25, filter.Limit);
        Assert.True(filter.Archived);
    }

    [Fact]
    public void Input_dictionaries_bind_to_classes_with_setters_and_sets()
    {
        var patch = ValueConverter.Convert<Patch>(new Dictionary<string, object?> { ["title"] = "t", ["tags"] = new List<object?> { 1, 2, 2 } });
        Assert.Equal(("t", 2), (patch.Title, patch.Tags.Count));
    }

    [Fact]
    public void Numbers_enums_and_arrays_convert_between_CLR_types()
    {
        Assert.Equal(5L, ValueConverter.Convert<long>(5));
        Assert.Equal(DayOfWeek.Monday, ValueConverter.Convert<DayOfWeek>("Monday"));
        Assert.Equal([1, 2], ValueConverter.Convert<int[]>(new List<object?> { 1, 2 }));
        Assert.Null(ValueConverter.Convert<int?>(null));
        Assert.Throws<InvalidCastException>(() => ValueConverter.Convert<int>(null));
    }
}
