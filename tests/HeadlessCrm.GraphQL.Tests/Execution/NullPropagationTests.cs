namespace HeadlessCrm.GraphQL.Tests.Execution;

public class NullPropagationTests
{
    private readonly Library _library = new();

    private Task<string> Run(string query) => Library.RunAsync(_library.Schema, query);

    [Fact]
    public async Task A_failing_non_null_field_nulls_its_nearest_nullable_parent()
    {
        var json = await Run("{ book(id: \"1\") { title failingNonNull } }");
        Assert.Equal(
            """{"errors":[{"message":"Nope","locations":[{"line":1,"column":25}],"path":["book","failingNonNull"],"extensions":{"code":"NOPE"}}],"data":{"book":null}}""",
            json);
    }

    [Fact]
    public async Task A_null_travels_through_non_null_list_items_up_to_the_root()
    {
        var json = await Run("{ books { title failingNonNull } }");
        Assert.StartsWith("""{"errors":[{"message":"Nope","locations":[{"line":1,"column":17}],"path":["books",0,"failingNonNull"]""", json, StringComparison.Ordinal);
        Assert.EndsWith("""],"data":null}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_under_a_nulled_parent_is_skipped_and_reports_once()
    {
        var json = await Run("{ books { failingNonNull author { name } } }");
        Assert.Single(System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Empty(_library.AuthorBatches);
    }

    [Fact]
    public async Task A_null_item_in_a_nullable_list_stays_a_null_item()
    {
        Assert.Equal("""{"data":{"strings":["a",null,"c"]}}""", await Run("{ strings }"));
    }

    [Fact]
    public async Task A_null_item_in_a_non_null_item_list_nulls_the_list_with_the_item_path()
    {
        var json = await Run("{ nonNullStrings }");
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.nonNullStrings.","locations":[{"line":1,"column":3}],"path":["nonNullStrings",1]}],"data":{"nonNullStrings":null}}""",
            json);
    }

    [Fact]
    public async Task A_nullable_field_error_keeps_its_siblings()
    {
        var json = await Run("{ book(id: \"3\") { failing title } }");
        Assert.EndsWith("""data":{"book":{"failing":null,"title":"Earthsea"}}}""", json, StringComparison.Ordinal);
    }
}
