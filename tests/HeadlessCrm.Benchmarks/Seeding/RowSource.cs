using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>
/// Writes the rows that generated item <c>index</c> contributes to one table (a deal writes one deal row, a few
/// deal-contact rows and a stay per stage) into a binary COPY. Rows are generated, never kept.
/// </summary>
public abstract class RowSource(Dataset data)
{
    protected Dataset Data { get; } = data;

    protected Guid WorkspaceId => Data.Workspace.Id;

    /// <summary>The table and columns, as in <c>COPY table (columns)</c>.</summary>
    public abstract string Target { get; }

    /// <summary>How many items (indexes) feed this table.</summary>
    public abstract long Items { get; }

    public abstract void Write(NpgsqlBinaryImporter copy, long index);
}

internal static class CopyExtensions
{
    public static void WriteOrNull<T>(this NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : class
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, type);
    }

    public static void WriteOrNull<T>(this NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value.Value, type);
    }

    public static void WriteTime(this NpgsqlBinaryImporter copy, DateTime value) => copy.Write(value, NpgsqlDbType.TimestampTz);

    public static void WriteTags(this NpgsqlBinaryImporter copy, ref Rng rng)
    {
        string[] tags = rng.Chance(0.7) ? [] : rng.Chance(0.7) ? [rng.Pick(Vocabulary.Tags)] : [.. new[] { rng.Pick(Vocabulary.Tags), rng.Pick(Vocabulary.Tags) }.Distinct()];
        copy.Write(tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
    }

    /// <summary>The seven address columns (street to longitude), all null when there is no address.</summary>
    public static void WriteAddress(this NpgsqlBinaryImporter copy, ref Rng rng, bool present)
    {
        if (!present)
        {
            for (var i = 0; i < 7; i++) copy.WriteNull();
            return;
        }
        var place = rng.Pick(Vocabulary.Places);
        copy.Write($"{rng.Next(1, 300)} {rng.Pick(Vocabulary.Streets)}", NpgsqlDbType.Text);
        copy.Write(place.City, NpgsqlDbType.Text);
        copy.WriteOrNull(place.Region, NpgsqlDbType.Text);
        copy.Write(rng.Next(10000, 99999).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
        copy.Write(place.Country, NpgsqlDbType.Text);
        copy.Write(place.Latitude, NpgsqlDbType.Double);
        copy.Write(place.Longitude, NpgsqlDbType.Double);
    }

    /// <summary>About one record in fifty is archived, some time after it was last changed.</summary>
    public static void WriteArchivedAt(this NpgsqlBinaryImporter copy, ref Rng rng, DateTime updatedAt) =>
        copy.WriteOrNull(rng.Chance(0.02) ? Dataset.Between(ref rng, updatedAt, Dataset.Now) : (DateTime?)null, NpgsqlDbType.TimestampTz);
}
