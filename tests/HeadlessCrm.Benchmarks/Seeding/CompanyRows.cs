using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace HeadlessCrm.Benchmarks.Seeding;

public sealed class CompanyRows(Dataset data) : RowSource(data)
{
    private static readonly Weighted<string> Kinds = new(("prospect", 50), ("customer", 30), ("partner", 10), ("supplier", 7), ("competitor", 3));

    public override string Target => """
        companies (workspace_id, id, name, domain, kind, industry, employee_count, phone, address_street, address_city,
            address_region, address_postal_code, address_country, latitude, longitude, owner_id, tags, custom_fields,
            created_at, updated_at, archived_at)
        """;

    public override long Items => Data.Count(Table.Company);

    /// <summary>A company's name, for deal titles too.</summary>
    public static string Name(Dataset data, long index)
    {
        var rng = data.Random(Table.Company, index, purpose: 1);
        return $"{rng.Pick(Vocabulary.CompanyWords)} {rng.Pick(Vocabulary.CompanyNouns)} {rng.Pick(Vocabulary.CompanySuffixes)}";
    }

    public override void Write(NpgsqlBinaryImporter copy, long index)
    {
        var rng = Data.Random(Table.Company, index);
        var name = Name(Data, index);
        var createdAt = Data.CreatedAt(Table.Company, index);
        var updatedAt = Dataset.Between(ref rng, createdAt, Dataset.Now);
        var hasAddress = rng.Chance(0.8);

        copy.StartRow();
        copy.Write(WorkspaceId, NpgsqlDbType.Uuid);
        copy.Write(Data.Id(Table.Company, index), NpgsqlDbType.Uuid);
        copy.Write(name, NpgsqlDbType.Text);
        copy.WriteOrNull(rng.Chance(0.9) ? $"{name.Split(' ')[0].ToLowerInvariant()}{index.ToString(CultureInfo.InvariantCulture)}.example" : null, NpgsqlDbType.Text);
        copy.Write(Kinds.Pick(ref rng), NpgsqlDbType.Text);
        copy.WriteOrNull(rng.Chance(0.8) ? rng.Pick(Vocabulary.Industries) : null, NpgsqlDbType.Text);
        copy.WriteOrNull(rng.Chance(0.7) ? (int)Math.Pow(10, rng.NextDouble() * 4.5) : (int?)null, NpgsqlDbType.Integer);
        copy.WriteOrNull(rng.Chance(0.6) ? $"+1 555 {rng.Next(1_000_000, 9_999_999)}" : null, NpgsqlDbType.Text);
        copy.WriteAddress(ref rng, hasAddress);
        copy.Write(Data.Owner(ref rng), NpgsqlDbType.Uuid);
        copy.WriteTags(ref rng);
        copy.Write(rng.Chance(0.3) ? $$"""{"tier":"{{rng.Pick(new[] { "gold", "silver", "bronze" })}}"}""" : "{}", NpgsqlDbType.Jsonb);
        copy.WriteTime(createdAt);
        copy.WriteTime(updatedAt);
        copy.WriteArchivedAt(ref rng, updatedAt);
    }
}
