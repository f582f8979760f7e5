using System.Net;
using System.Text;

namespace HeadlessCrm.Benchmarks.Import;

/// <summary>
/// A contacts CSV generated while it is sent (never held whole): row i is a pure function of (seed, i), so the same
/// seed gives the same file. Some names need quoting (a comma), every row has an email unique to the run.
/// </summary>
public sealed class ContactCsv(int rows, int seed) : HttpContent
{
    private static readonly string[] FirstNames = ["Ana", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lea"];
    private static readonly string[] LastNames = ["Lopez", "Müller", "Nakamura", "O'Brien", "Petrov", "Quinn", "Rossi", "Smith, Jr.", "Tanaka", "Ulloa"];
    private static readonly string[] Titles = ["CEO", "Buyer", "Head of IT", "Engineer", "Office manager", ""];
    private static readonly string[] Cities = ["Berlin", "Lisboa", "Osaka", "Denver", "Lyon", "Kraków"];
    private static readonly string[] Countries = ["DE", "PT", "JP", "US", "FR", "PL"];
    private static readonly string[] Stages = ["lead", "qualified", "customer"];

    public const string Header = "First name,Last name,Email,Phone,Title,City,Country,Stage,Tags";

    public static readonly IReadOnlyDictionary<string, string?> Columns = new Dictionary<string, string?>
    {
        ["First name"] = "firstName", ["Last name"] = "lastName", ["Email"] = "emails", ["Phone"] = "phones", ["Title"] = "title",
        ["City"] = "address.city", ["Country"] = "address.country", ["Stage"] = "lifecycleStage", ["Tags"] = "tags",
    };

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Header + "\r\n");
        var line = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            var h = Hash(seed, i);
            line.Clear()
                .Append(FirstNames[h % FirstNames.Length]).Append(',')
                .Append(Quote(LastNames[(h >> 8) % LastNames.Length])).Append(',')
                .Append("import").Append(seed).Append('-').Append(i).Append("@bench.example").Append(',')
                .Append("+49 30 ").Append(1_000_000 + (h >> 4) % 9_000_000).Append(',')
                .Append(Titles[(h >> 12) % Titles.Length]).Append(',')
                .Append(Cities[(h >> 16) % Cities.Length]).Append(',')
                .Append(Countries[(h >> 16) % Countries.Length]).Append(',')
                .Append(Stages[(h >> 20) % Stages.Length]).Append(',')
                .Append("imported; batch-").Append(i / 10_000).Append("\r\n");
            await writer.WriteAsync(line);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private static string Quote(string value) => value.Contains(',') ? $"\"{value}\"" : value;

    private static int Hash(int seed, int i)
    {
        var x = (uint)(seed * 0x9E3779B1) ^ (uint)i * 0x85EBCA6B;
        x ^= x >> 16; x *= 0x7FEB352D; x ^= x >> 15; x *= 0x846CA68B; x ^= x >> 16;
        return (int)(x & 0x7FFFFFFF);
    }
}
