using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// Lets a run of record writes share one SaveChanges. While it is open, <see cref="RecordWriter"/> checks and stages
/// each record as usual but leaves the save (its INSERTs and UPDATEs, audit and outbox rows) to whoever opened it,
/// who saves once and then maps the records (their timestamps and version are set by the save). A write that could
/// read what an earlier staged write changed — the same record again, an upsert key or unique value a staged record
/// holds — throws <see cref="DependsOnStagedWrite"/>: the run is then given up and done one write at a time.
/// </summary>
public sealed class WriteBatch
{
    private readonly List<CrmRecord> _staged = [];
    private readonly HashSet<Guid> _ids = [];
    private Func<object>? _map;

    public bool IsOpen { get; private set; }

    public void Open()
    {
        Close();
        IsOpen = true;
    }

    public void Close()
    {
        IsOpen = false;
        _staged.Clear();
        _ids.Clear();
        _map = null;
    }

    /// <summary>Staged by the current write: the record, and how to map it once saved.</summary>
    public void Stage(CrmRecord entity, Func<object> map)
    {
        if (_ids.Add(entity.Id)) _staged.Add(entity);
        _map = map;
    }

    /// <summary>A record written and saved outside the batch (an archive): what changes it next waits for the batch.</summary>
    public void Touched(Guid id)
    {
        if (IsOpen) _ids.Add(id);
    }

    /// <summary>How to map the record the last write staged (null if it staged none), and forgets it.</summary>
    public Func<object>? TakeMap()
    {
        var map = _map;
        _map = null;
        return map;
    }

    /// <summary>Throws if the record was staged by an earlier write of the run.</summary>
    public void EnsureNotStaged(Guid id)
    {
        if (IsOpen && _ids.Contains(id)) throw new DependsOnStagedWrite();
    }

    /// <summary>Throws if a staged record of the type might satisfy the test (a lookup of the database would miss it).</summary>
    public void EnsureNoneStaged<TEntity>(Func<TEntity, bool> mayMatch, Guid? except = null) where TEntity : CrmRecord
    {
        if (!IsOpen) return;
        foreach (var entity in _staged)
            if (entity is TEntity typed && typed.Id != except && mayMatch(typed)) throw new DependsOnStagedWrite();
    }

    /// <summary>Whether the record may hold the value of a unique custom field (containment, as the database tests it; lists always may).</summary>
    public static bool MayHold(CrmRecord entity, string key, JsonNode value) =>
        entity is TaggedRecord { CustomFields: var fields } && fields[key] is { } held
        && (held is JsonArray || value is JsonArray || JsonNode.DeepEquals(held, value) || Number(held) is { } n && n == Number(value));

    private static decimal? Number(JsonNode node) =>
        node.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && decimal.TryParse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : null;
}

/// <summary>A write of a <see cref="WriteBatch"/> depends on one staged before it: run the batch one write at a time.</summary>
public sealed class DependsOnStagedWrite() : Exception("A write depends on an earlier write of its batch that is not saved yet.");
