using System.Diagnostics;
using HeadlessCrm.GraphQL.Tests.Execution;
using HeadlessCrm.GraphQL.Tests.Validation;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Tests.Types.Introspection;

/// <summary>
/// Runs graphql-js's own introspection query through the engine and hands the result to graphql-js's
/// buildClientSchema and validateSchema, as GraphiQL and code generators do. Needs
/// <c>npm ci --prefix tests/HeadlessCrm.GraphQL.Tests/graphql-js</c>; skipped when that has not been run.
/// </summary>
public class GraphQLJsCompatibilityTests
{
    private static readonly string? ToolDirectory = FindToolDirectory();

    public static TheoryData<string> Schemas => ["Library", "Zoo"];

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task GraphQL_js_rebuilds_and_validates_the_schema_from_introspection(string name)
    {
        if (ToolDirectory is null)
        {
            Assert.Skip("graphql-js is not installed: run npm ci --prefix tests/HeadlessCrm.GraphQL.Tests/graphql-js");
        }

        var schema = name == "Library" ? new Library().Schema : ZooSchema.Instance;
        var query = await RunNodeAsync("query");
        var result = await new GraphQLEngine(schema).ExecuteAsync(new GraphQLRequest { Query = query });
        Assert.Null(result.Errors);

        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, result.ToJson(), TestContext.Current.CancellationToken);
            var sdl = await RunNodeAsync("check", file);
            foreach (var type in schema.TypeList.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !Scalars.IsSpecified(t)))
            {
                Assert.Contains($" {type.Name}", sdl, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = ToolDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("check-introspection.mjs");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"graphql-js rejected the result ({process.ExitCode}): {await error}");
        return await output;
    }

    private static string? FindToolDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "HeadlessCrm.GraphQL.Tests", "graphql-js");
            if (File.Exists(Path.Combine(candidate, "node_modules", "graphql", "package.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
