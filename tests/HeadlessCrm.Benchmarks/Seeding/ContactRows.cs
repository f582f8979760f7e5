using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace HeadlessCrm.Benchmarks.Seeding;

public sealed class ContactRows(Dataset data) : RowSource(data)
{
    private static readonly Weighted<string> Stages = new(("lead", 45), ("qualified", 20), ("customer", 25), ("lapsed", 6), ("churned", 4));
    private static readonly Weighted<string?> Sources = new(
        ("organic_search", 20), ("paid_ads", 15), ("email", 10), ("social", 10), ("event", 8), ("referral", 12),
        ("web_form", 15), ("phone", 5), ("other", 2), (null, 3));

    public override string Target => """
        contacts (workspace_id, id, first_name, last_name, emails, email_keys, phones, phone_keys, title, company_id,
            birthday, address_street, address_city, address_region, address_postal_code, address_country, latitude,
            longitude, lifecycle_stage, source, owner_id, tags, custom_fields, created_at, updated_at, archived_at)
        """;

    public override long Items => Data.Count(Table.Contact);

    public override void Write(NpgsqlBinaryImporter copy, long index)
    {
        var rng = Data.Random(Table.Contact, index);
        var first = rng.Pick(Vocabulary.FirstNames);
        var last = rng.Pick(Vocabulary.LastNames);
        var company = Data.CompanyOfContact(index);
        var createdAt = Data.CreatedAt(Table.Contact, index);
        var updatedAt = Dataset.Between(ref rng, createdAt, Dataset.Now);
        var hasAddress = rng.Chance(0.5);
        var number = index.ToString(CultureInfo.InvariantCulture);

        // Emails are unique by construction (the index is part of the address), as an import of real data would be.
        var work = $"{Ascii(first)}.{Ascii(last)}{number}@{(company >= 0 ? $"c{company}" : "mail")}.example";
        var personal = rng.Chance(0.3) ? $"{Ascii(first)}{number}@home.example" : null;
        var emails = personal is null
            ? $$"""[{"value":"{{work}}","label":"work","primary":true}]"""
            : $$"""[{"value":"{{work}}","label":"work","primary":true},{"value":"{{personal}}","label":"home","primary":false}]""";
        string[] emailKeys = personal is null ? [work] : [work, personal];
        var phone = rng.Chance(0.6) ? $"+1 555 {rng.Next(100, 999)} {rng.Next(1000, 9999)}" : null;

        copy.StartRow();
        copy.Write(WorkspaceId, NpgsqlDbType.Uuid);
        copy.Write(Data.Id(Table.Contact, index), NpgsqlDbType.Uuid);
        copy.Write(first, NpgsqlDbType.Text);
        copy.Write(last, NpgsqlDbType.Text);
        copy.Write(emails, NpgsqlDbType.Jsonb);
        copy.Write(emailKeys, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(phone is null ? "[]" : $$"""[{"value":"{{phone}}","label":"mobile","primary":true}]""", NpgsqlDbType.Jsonb);
        copy.Write(phone is null ? [] : new[] { new string(phone.Where(char.IsAsciiDigit).ToArray()) }, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.WriteOrNull(rng.Chance(0.7) ? rng.Pick(Vocabulary.Titles) : null, NpgsqlDbType.Text);
        copy.WriteOrNull(company >= 0 ? Data.Id(Table.Company, company) : (Guid?)null, NpgsqlDbType.Uuid);
        copy.WriteOrNull(rng.Chance(0.2) ? new DateOnly(rng.Next(1950, 2004), rng.Next(1, 13), rng.Next(1, 29)) : (DateOnly?)null, NpgsqlDbType.Date);
        copy.WriteAddress(ref rng, hasAddress);
        copy.Write(Stages.Pick(ref rng), NpgsqlDbType.Text);
        copy.WriteOrNull(Sources.Pick(ref rng), NpgsqlDbType.Text);
        copy.Write(Data.Owner(ref rng), NpgsqlDbType.Uuid);
        copy.WriteTags(ref rng);
        copy.Write("{}", NpgsqlDbType.Jsonb);
        copy.WriteTime(createdAt);
        copy.WriteTime(updatedAt);
        copy.WriteArchivedAt(ref rng, updatedAt);
    }

    private static string Ascii(string name) => name.ToLowerInvariant().Replace("ü", "ue").Replace("ã", "a");
}
