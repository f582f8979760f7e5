using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HeadlessCrm.Api.Infrastructure.Data;

/// <summary>
/// The save path's new rows as one multi-row <c>INSERT … VALUES (…), (…) RETURNING …</c> per table, where EF Core's
/// PostgreSQL provider sends one <c>INSERT</c> per entity: a statement costs PostgreSQL its executor start-up over the
/// table's indexes and its statement-level triggers once, whatever its rows (docs/performance.md, "CSV import").
/// Everything comes from EF's model (<see cref="InsertShape"/>): the columns, the type mapping and value converter each
/// value is sent with, what the database fills and is read back (<c>xmin</c>, computed columns). Each returned row is
/// matched to its entry by its key, the values the database made are set on it and it is accepted (Unchanged, original
/// values = current), as EF's own save leaves it. What EF still has to write (updates, deletes, rows of a type this
/// cannot write) it writes after, in the same transaction.
/// <para>
/// Used by a save that adds at least two rows to a table. When the save is all inserts, the writer takes all of it
/// (one round trip, as EF's batch); when EF must also make its round trip (updates, deletes), only when the multi-row
/// statements spare at least <see cref="StatementsWorthARoundTrip"/> statements, so a single update with its audit row
/// and two events stays one round trip.
/// </para>
/// </summary>
internal static class MultiRowInserts
{
    /// <summary>EF's own name for the savepoint a save takes in its caller's transaction.</summary>
    private const string Savepoint = "__EFSavePoint";
    /// <summary>PostgreSQL takes at most 65,535 parameters a statement; a larger table's rows go in several.</summary>
    private const int MaxParameters = 30_000;
    /// <summary>When EF must make a round trip of its own for the rest, the statements the multi-row ones must spare to be worth theirs.</summary>
    private const int StatementsWorthARoundTrip = 10;

    private sealed record TableRows(InsertShape Shape, List<EntityEntry> Rows);

    /// <summary>Saves the context's changes: its new rows by multi-row statements where that applies, the rest by EF (<paramref name="saveRest"/>).</summary>
    public static async Task<int> SaveAsync(DbContext db, Func<CancellationToken, Task<int>> saveRest, CancellationToken ct)
    {
        var plan = Plan(db);
        if (plan.Count == 0) return await saveRest(ct);

        var database = db.Database;
        var open = database.CurrentTransaction;
        await using var owned = open is null ? await database.BeginTransactionAsync(ct) : null;
        var savepoints = database.AutoSavepointsEnabled;
        if (open is not null && savepoints) await open.CreateSavepointAsync(Savepoint, ct);
        database.AutoSavepointsEnabled = false;
        var accepted = new List<EntityEntry>();
        try
        {
            await WriteAsync(db, plan, ct);
            foreach (var entry in plan.SelectMany(t => t.Rows))
            {
                Accept(entry);
                accepted.Add(entry);
            }
            var rest = await saveRest(ct);
            if (open is not null && savepoints) await open.ReleaseSavepointAsync(Savepoint, ct);
            if (owned is not null) await owned.CommitAsync(ct);
            return accepted.Count + rest;
        }
        catch
        {
            // As after EF's own failed save: the rows are not in the database, their entries are still to be added.
            foreach (var entry in accepted) entry.State = EntityState.Added;
            if (open is not null && savepoints) await RollBackQuietlyAsync(open);
            throw;
        }
        finally
        {
            database.AutoSavepointsEnabled = savepoints;
        }
    }

    private static async Task RollBackQuietlyAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
        }
        catch (DbException)
        {
            // The connection is gone or the transaction beyond repair: the caller's rollback reports it, not this one.
        }
    }

    /// <summary>
    /// The tables to write, in an order their foreign keys allow: those with new rows whose shape fits, none EF must
    /// write first (a principal it adds), none it deletes from, none it updates when the model knows unique keys there
    /// (EF orders such updates before inserts). Empty when it would not spare a statement, or not enough of them.
    /// </summary>
    private static List<TableRows> Plan(DbContext db)
    {
        var candidates = new Dictionary<ITable, TableRows>();
        var efAdds = new HashSet<ITable>();
        var updated = new HashSet<ITable>();
        var deleted = new HashSet<ITable>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var tables = entry.Metadata.GetTableMappings().Select(m => m.Table);
            switch (entry.State)
            {
                case EntityState.Added when InsertShape.Of(entry.Metadata) is { } shape && !LeavesKeyToDatabase(shape, entry):
                    if (candidates.TryGetValue(shape.Table, out var rows)) rows.Rows.Add(entry);
                    else candidates[shape.Table] = new TableRows(shape, [entry]);
                    break;
                case EntityState.Added:
                    efAdds.UnionWith(tables);
                    break;
                case EntityState.Modified:
                    updated.UnionWith(tables);
                    break;
                case EntityState.Deleted:
                    deleted.UnionWith(tables);
                    break;
            }
        }
        if (!candidates.Values.Any(t => t.Rows.Count > 1)) return [];

        foreach (var (table, rows) in candidates.ToList())
            if (deleted.Contains(table) || updated.Contains(table) && HasAlternateKeys(rows.Shape.EntityType)
                || Statements(rows) > 1 && Principals(rows.Shape).Contains(table))
                Drop(table); // a row referencing another of its table is checked at the end of its statement, not of the next
        List<TableRows> ordered;
        while (!TryOrder(out ordered))
            foreach (var rows in candidates.Values.Except(ordered).ToList()) Drop(rows.Shape.Table); // tables that depend on each other: EF's

        var spared = ordered.Sum(t => t.Rows.Count - 1);
        var efWrites = efAdds.Count > 0 || updated.Count > 0 || deleted.Count > 0;
        return spared == 0 || efWrites && spared < StatementsWorthARoundTrip ? [] : ordered;

        void Drop(ITable table)
        {
            candidates.Remove(table);
            efAdds.Add(table);
        }

        // Each table after the tables of its new rows' principals; none whose principal rows EF adds (after these).
        bool TryOrder(out List<TableRows> order)
        {
            for (var pruned = true; pruned;)
            {
                pruned = false;
                foreach (var (table, rows) in candidates.ToList())
                    if (Principals(rows.Shape).Any(p => p != table && efAdds.Contains(p)))
                    {
                        Drop(table);
                        pruned = true;
                    }
            }
            order = [];
            while (order.Count < candidates.Count)
            {
                var done = order;
                var next = candidates.Values.FirstOrDefault(t => !done.Contains(t)
                    && Principals(t.Shape).All(p => p == t.Shape.Table || !candidates.TryGetValue(p, out var rows) || done.Contains(rows)));
                if (next is null) return false;
                order.Add(next);
            }
            return true;
        }
    }

    private static int RowsAStatement(InsertShape shape) => Math.Max(1, MaxParameters / shape.Columns.Length);

    private static int Statements(TableRows rows) => (rows.Rows.Count + RowsAStatement(rows.Shape) - 1) / RowsAStatement(rows.Shape);

    private static bool LeavesKeyToDatabase(InsertShape shape, EntityEntry entry) =>
        shape.Keys.Any(k => k.IsLeftToDatabase(k.Of(entry)));

    private static bool HasAlternateKeys(IEntityType type) => type.GetIndexes().Any(i => i.IsUnique) || type.GetKeys().Count() > 1;

    private static IEnumerable<ITable> Principals(InsertShape shape) =>
        shape.EntityType.GetForeignKeys().SelectMany(fk => fk.PrincipalEntityType.GetTableMappings().Select(m => m.Table));

    /// <summary>One command, one statement per table (more for a table whose rows need more parameters than one takes).</summary>
    private static async Task WriteAsync(DbContext db, List<TableRows> plan, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create();
        var values = new Dictionary<string, object?>();
        var statements = new List<(InsertShape Shape, EntityEntry[] Rows)>();
        foreach (var (shape, rows) in plan)
            foreach (var chunk in rows.Chunk(RowsAStatement(shape)))
            {
                AppendInsert(builder, sql, values, shape, chunk);
                statements.Add((shape, chunk));
            }

        var parameters = new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), values, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.SaveChanges);
        try
        {
            await using var reader = await builder.Build().ExecuteReaderAsync(parameters, ct);
            for (var i = 0; i < statements.Count; i++)
            {
                if (i > 0 && !await reader.DbDataReader.NextResultAsync(ct)) throw new InvalidOperationException("A multi-row INSERT returned no rows.");
                await ReadBackAsync(reader.DbDataReader, statements[i].Shape, statements[i].Rows, ct);
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.",
                e, [.. plan.SelectMany(t => t.Rows)]);
        }
    }

    private static void AppendInsert(
        IRelationalCommandBuilder builder, ISqlGenerationHelper sql, Dictionary<string, object?> values, InsertShape shape, EntityEntry[] rows)
    {
        var sent = shape.Columns.Where(c => c.Kind != InsertShape.ColumnKind.Generated).ToArray();
        builder.Append("INSERT INTO ").Append(sql.DelimitIdentifier(shape.Table.Name, shape.Table.Schema)).Append(" (")
            .Append(string.Join(", ", sent.Select(c => sql.DelimitIdentifier(c.Name)))).AppendLine(")").Append("VALUES ");
        for (var r = 0; r < rows.Length; r++)
        {
            builder.Append(r == 0 ? "(" : ",\n(");
            for (var c = 0; c < sent.Length; c++)
            {
                if (c > 0) builder.Append(", ");
                var value = sent[c].Of(rows[r]);
                if (sent[c].IsLeftToDatabase(value))
                {
                    builder.Append("DEFAULT");
                    continue;
                }
                var name = "p" + values.Count.ToString(CultureInfo.InvariantCulture);
                builder.AddParameter(name, sql.GenerateParameterName(name), sent[c].TypeMapping, sent[c].IsNullable);
                builder.Append(sql.GenerateParameterNamePlaceholder(name));
                values[name] = value.CurrentValue;
            }
            builder.Append(")");
        }
        builder.AppendLine().Append("RETURNING ").Append(string.Join(", ", shape.ReadBack.Select(c => sql.DelimitIdentifier(c.Name))))
            .AppendLine(";");
    }

    /// <summary>Each returned row to the entry with its key: what the database made is set on it; every row must come back once.</summary>
    private static async Task ReadBackAsync(DbDataReader reader, InsertShape shape, EntityEntry[] rows, CancellationToken ct)
    {
        var byKey = new Dictionary<string, EntityEntry>(rows.Length);
        foreach (var row in rows) byKey.Add(Key(shape.Keys.Select(k => Provider(k, k.Of(row).CurrentValue))), row);
        while (await reader.ReadAsync(ct))
        {
            var key = Key(shape.Keys.Select((_, i) => reader.GetValue(i)));
            if (!byKey.Remove(key, out var row)) throw new InvalidOperationException($"A multi-row INSERT into {shape.Table.Name} returned a row it was not given.");
            for (var i = shape.Keys.Length; i < shape.ReadBack.Length; i++)
            {
                var column = shape.ReadBack[i];
                var member = column.Of(row);
                if (!column.IsLeftToDatabase(member)) continue;
                member.CurrentValue = Read(reader, i, column.TypeMapping);
                if (member.IsTemporary) member.IsTemporary = false;
            }
        }
        if (byKey.Count > 0)
            throw new DbUpdateException($"A multi-row INSERT into {shape.Table.Name} wrote {rows.Length - byKey.Count} of its {rows.Length} rows.", (Exception?)null, [.. byKey.Values]);
    }

    /// <summary>As EF leaves an entry it saved: Unchanged, its original values those it now holds.</summary>
    private static void Accept(EntityEntry entry)
    {
        entry.State = EntityState.Unchanged;
        entry.OriginalValues.SetValues(entry.CurrentValues);
    }

    private static object? Provider(InsertShape.Column column, object? value) =>
        column.TypeMapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static string Key(IEnumerable<object?> values) =>
        string.Join('\u001f', values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object?>> Readers = new();

    /// <summary>A returned value as EF reads it: the provider's type from the reader, then the value converter.</summary>
    private static object? Read(DbDataReader reader, int ordinal, RelationalTypeMapping mapping)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var provider = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        provider = Nullable.GetUnderlyingType(provider) ?? provider;
        var read = Readers.GetOrAdd(provider, t => typeof(MultiRowInserts)
            .GetMethod(nameof(Field), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(t).CreateDelegate<Func<DbDataReader, int, object?>>());
        var value = read(reader, ordinal);
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
    }

    private static object? Field<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal);
}
