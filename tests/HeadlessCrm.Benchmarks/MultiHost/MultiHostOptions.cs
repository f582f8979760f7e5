namespace HeadlessCrm.Benchmarks.MultiHost;

/// <summary>Where PostgreSQL is (as an owner who may create databases), which host build to start, on which ports.</summary>
public sealed record MultiHostOptions(string Connection, string ApiDll, IReadOnlyList<int> Ports, int RateLimit, bool KeepDatabase)
{
    public static MultiHostOptions From(Options options)
    {
        var result = new MultiHostOptions(
            options.Required("connection"),
            options.String("api-dll") ?? DefaultApiDll(),
            options.String("ports", "5181,5182").Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            options.Integer("rate-limit", 30),
            options.String("keep-database", "false") == "true");
        options.RejectUnknown();
        if (result.Ports.Count != 2) throw new OptionException("--ports takes two ports, e.g. 5181,5182.");
        if (!File.Exists(result.ApiDll)) throw new OptionException($"no host build at {result.ApiDll}: build it (dotnet build -c Release) or pass --api-dll.");
        return result;
    }

    /// <summary>The host built alongside this tool (same configuration), found from the repository root.</summary>
    private static string DefaultApiDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HeadlessCrm.sln")))
                return Path.Combine(dir.FullName, "src", "HeadlessCrm.Api", "bin", configuration, "net10.0", "HeadlessCrm.Api.dll");
        return "HeadlessCrm.Api.dll";
    }
}
