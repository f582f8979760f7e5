using HeadlessCrm.GraphQL.Validation.Rules;

namespace HeadlessCrm.GraphQL.Tests.Validation.Rules;

public class OverlappingFieldsCanBeMergedTests
{
    [Fact]
    public void Identical_fields_and_different_aliases_pass() =>
        RuleAssert.Valid<OverlappingFieldsCanBeMerged>(
            "{ dog { name name otherName: name knowsCommand(command: SIT) knowsCommand(command: SIT) ...F } } fragment F on Dog { name }");

    [Fact]
    public void Different_fields_under_one_alias_are_reported() =>
        RuleAssert.Invalid<OverlappingFieldsCanBeMerged>(
            "{ dog {\n    value: name\n    value: nickname\n  }\n}",
            "Fields \"value\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (2:5, 3:5)");

    [Fact]
    public void Differing_arguments_are_reported_even_through_fragments() =>
        RuleAssert.Invalid<OverlappingFieldsCanBeMerged>(
            "{ dog { knowsCommand(command: SIT) ...F } }\nfragment F on Dog { knowsCommand(command: HEEL) }",
            "Fields \"knowsCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. (1:9, 2:21)");

    [Fact]
    public void Fields_on_different_object_types_may_differ_but_not_in_shape() =>
        RuleAssert.Invalid<OverlappingFieldsCanBeMerged>(
            "{ catOrDog { ... on Dog { x: name } ... on Cat { x: furColor } ... on Dog { y: barks } ... on Cat { y: lives } } }",
            "Fields \"y\" conflict because they return conflicting types \"Boolean\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional. (1:77, 1:101)");

    [Fact]
    public void Conflicts_deep_in_sub_selections_name_the_path() =>
        RuleAssert.Invalid<OverlappingFieldsCanBeMerged>(
            "{\n  dog { owner { n: name } }\n  dog { owner { n: age } }\n}",
            "Fields \"dog\" conflict because subfields \"owner\" conflict because subfields \"n\" conflict because \"name\" and \"age\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (2:3, 2:9, 2:17, 3:3, 3:9, 3:17)");

    [Fact]
    public void Many_repeated_fragment_spreads_stay_fast()
    {
        var spreads = string.Concat(Enumerable.Range(0, 200).Select(i => $" ...F{i % 20}"));
        var fragments = string.Concat(Enumerable.Range(0, 20).Select(i => $" fragment F{i} on Dog {{ name owner {{ name pets {{ name }} }} }}"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        RuleAssert.Valid<OverlappingFieldsCanBeMerged>("{ dog {" + spreads + " } }" + fragments);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
    }
}
