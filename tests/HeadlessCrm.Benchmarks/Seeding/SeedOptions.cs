namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>What to generate. <c>--scale</c> multiplies the full-size defaults (0.01 gives a quick development set).</summary>
public sealed record SeedOptions(
    string Connection, int Companies, int Contacts, int Deals, int Activities, int Seed, string ClientId, string ClientSecret)
{
    public static SeedOptions From(Options options)
    {
        var scale = options.Number("scale", 1);
        int Count(string name, int full) => Math.Max(1, (int)Math.Round(options.Number(name, full * scale)));
        var seed = new SeedOptions(
            options.Required("connection"),
            Count("companies", 100_000),
            Count("contacts", 1_000_000),
            Count("deals", 1_000_000),
            Count("activities", 5_000_000),
            options.Integer("seed", 42),
            options.String("client-id", "bench-client"),
            options.String("client-secret", "bench-secret"));
        options.RejectUnknown();
        return seed;
    }
}
