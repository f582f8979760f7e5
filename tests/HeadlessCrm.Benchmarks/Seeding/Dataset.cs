namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>The tables the generator fills; the value tags ids and random streams.</summary>
public enum Table : byte
{
    Company = 1,
    Contact = 2,
    Deal = 3,
    Activity = 4,
    StageHistory = 5,
    /// <summary>The workspace's own rows: members, teams, pipelines, stages.</summary>
    Setup = 6,
}

/// <summary>
/// The shape of one generated dataset. Every row is a pure function of (seed, table, index): its id (a UUIDv7 whose
/// time is the row's creation time and whose last 40 bits are the index, so ids never collide) and its creation
/// time (spread evenly over three years, index order = time order). Loaders refer to other rows by index alone.
/// </summary>
public sealed class Dataset(SeedOptions options, SeedWorkspace workspace)
{
    /// <summary>Fixed, so the same seed gives byte-identical data whenever it is run.</summary>
    public static readonly DateTime Now = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Start = Now.AddYears(-3);

    public SeedOptions Options { get; } = options;
    public SeedWorkspace Workspace { get; } = workspace;

    public int Seed => Options.Seed;

    public Rng Random(Table table, long index, ulong purpose = 0) => new(Options.Seed, (ulong)table << 8 | purpose, index);

    public long Count(Table table) => table switch
    {
        Table.Company => Options.Companies,
        Table.Contact => Options.Contacts,
        Table.Deal => Options.Deals,
        Table.Activity => Options.Activities,
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    public DateTime CreatedAt(Table table, long index)
    {
        var jitter = Random(table, index, purpose: 0xFF).NextDouble();
        var span = (Now - Start).Ticks;
        var ticks = (long)((index + jitter) / Count(table) * span);
        // Microseconds: what PostgreSQL keeps, so a read-back timestamp equals the generated one.
        return Start.AddTicks(ticks - ticks % 10);
    }

    public Guid Id(Table table, long index) => Uuid7(Seed, CreatedAt(table, index), table, index);

    /// <summary>A UUIDv7 (RFC 9562) of the given time, unique by (table, index) and reproducible.</summary>
    public static Guid Uuid7(int seed, DateTime time, Table table, long index)
    {
        var rng = new Rng(seed, (ulong)table << 8 | 0xFE, index);
        var ms = (ulong)(time - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
        var random = rng.NextUInt64();
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (40 - 8 * i));
        bytes[6] = (byte)(0x70 | (int)(random & 0x0F));
        bytes[7] = (byte)(random >> 8);
        bytes[8] = (byte)(0x80 | ((byte)table & 0x3F));
        bytes[9] = (byte)(random >> 16);
        bytes[10] = (byte)(random >> 24);
        for (var i = 0; i < 5; i++) bytes[11 + i] = (byte)(index >> (32 - 8 * i));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A time between <paramref name="from"/> and <see cref="Now"/>, to the microsecond.</summary>
    public static DateTime Between(ref Rng rng, DateTime from, DateTime to)
    {
        if (to <= from) return from;
        var ticks = rng.NextLong(0, (to - from).Ticks);
        return from.AddTicks(ticks - ticks % 10);
    }

    /// <summary>Index of a row of <paramref name="table"/> created before row <paramref name="index"/> of a table of <paramref name="count"/> rows.</summary>
    public long EarlierRow(ref Rng rng, Table table, long index, long count)
    {
        var available = Math.Max(1, (long)((double)(index + 1) / count * Count(table)));
        return rng.NextLong(0, Math.Min(available, Count(table)));
    }

    /// <summary>The company of a contact (or -1): decided apart from the contact's row, so activities can follow it.</summary>
    public long CompanyOfContact(long contact)
    {
        var rng = Random(Table.Contact, contact, purpose: 1);
        return rng.Chance(0.85) ? EarlierRow(ref rng, Table.Company, contact, Options.Contacts) : -1;
    }

    public Guid Owner(ref Rng rng) => rng.Chance(0.9) ? rng.Pick(Workspace.Reps) : rng.Pick(Workspace.Managers);
}
