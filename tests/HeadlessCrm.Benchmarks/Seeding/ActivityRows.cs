using Npgsql;
using NpgsqlTypes;

namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>
/// Calls, emails, meetings, notes and tasks, each with only the fields its type allows (docs/api-conventions.md,
/// Activities), linked to a contact (and that contact's company) and often to a deal.
/// </summary>
public sealed class ActivityRows(Dataset data) : RowSource(data)
{
    private static readonly Weighted<string> Types = new(("call", 25), ("email", 30), ("meeting", 15), ("note", 15), ("task", 15));

    public override string Target => """
        activities (workspace_id, id, type, subject, body, occurred_at, due_at, reminder_at, completed_at, duration_seconds,
            direction, outcome, recording_url, owner_id, contact_id, company_id, deal_id, tags, custom_fields,
            created_at, updated_at, archived_at)
        """;

    public override long Items => Data.Count(Table.Activity);

    public override void Write(NpgsqlBinaryImporter copy, long index)
    {
        var rng = Data.Random(Table.Activity, index);
        var type = Types.Pick(ref rng);
        var id = Data.Id(Table.Activity, index);
        var createdAt = Data.CreatedAt(Table.Activity, index);
        var contact = rng.Chance(0.95) ? Data.EarlierRow(ref rng, Table.Contact, index, Items) : -1;
        var company = contact >= 0 ? Data.CompanyOfContact(contact) : Data.EarlierRow(ref rng, Table.Company, index, Items);
        var deal = rng.Chance(0.35) ? Data.EarlierRow(ref rng, Table.Deal, index, Items) : -1;

        var isTask = type == "task";
        var occurredAt = isTask ? (DateTime?)null : createdAt.AddTicks(-rng.NextLong(0, TimeSpan.TicksPerHour * 2) / 10 * 10);
        DateTime? dueAt = isTask ? createdAt.AddHours(rng.Next(2, 24 * 14)) : null;
        DateTime? reminderAt = isTask && rng.Chance(0.5) ? dueAt!.Value.AddHours(-1) : null;
        DateTime? completedAt = isTask && rng.Chance(dueAt < Dataset.Now ? 0.8 : 0.1)
            ? Dataset.Between(ref rng, createdAt, dueAt!.Value.AddDays(2) < Dataset.Now ? dueAt.Value.AddDays(2) : Dataset.Now)
            : null;
        var updatedAt = completedAt ?? createdAt;

        copy.StartRow();
        copy.Write(WorkspaceId, NpgsqlDbType.Uuid);
        copy.Write(id, NpgsqlDbType.Uuid);
        copy.Write(type, NpgsqlDbType.Text);
        copy.WriteOrNull(type == "note" && rng.Chance(0.5) ? null : rng.Pick(Vocabulary.Subjects), NpgsqlDbType.Text);
        copy.WriteOrNull(type is "note" or "email" ? $"{rng.Pick(Vocabulary.Subjects)}: discussed next steps and timeline." : null, NpgsqlDbType.Text);
        copy.WriteOrNull(occurredAt, NpgsqlDbType.TimestampTz);
        copy.WriteOrNull(dueAt, NpgsqlDbType.TimestampTz);
        copy.WriteOrNull(reminderAt, NpgsqlDbType.TimestampTz);
        copy.WriteOrNull(completedAt, NpgsqlDbType.TimestampTz);
        copy.WriteOrNull(type switch { "call" => rng.Next(30, 1800), "meeting" => rng.Next(15, 90) * 60, _ => (int?)null }, NpgsqlDbType.Integer);
        copy.WriteOrNull(type is "call" or "email" ? (rng.Chance(0.6) ? "outbound" : "inbound") : null, NpgsqlDbType.Text);
        copy.WriteOrNull(type switch { "call" => rng.Pick(Vocabulary.CallOutcomes), "meeting" => rng.Pick(Vocabulary.MeetingOutcomes), _ => null }, NpgsqlDbType.Text);
        copy.WriteOrNull(type == "call" && rng.Chance(0.2) ? $"https://recordings.bench.example/{id}.mp3" : null, NpgsqlDbType.Text);
        copy.Write(Data.Owner(ref rng), NpgsqlDbType.Uuid);
        copy.WriteOrNull(contact >= 0 ? Data.Id(Table.Contact, contact) : (Guid?)null, NpgsqlDbType.Uuid);
        copy.WriteOrNull(company >= 0 ? Data.Id(Table.Company, company) : (Guid?)null, NpgsqlDbType.Uuid);
        copy.WriteOrNull(deal >= 0 ? Data.Id(Table.Deal, deal) : (Guid?)null, NpgsqlDbType.Uuid);
        copy.Write(rng.Chance(0.9) ? Array.Empty<string>() : [rng.Pick(Vocabulary.Tags)], NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write("{}", NpgsqlDbType.Jsonb);
        copy.WriteTime(createdAt);
        copy.WriteTime(updatedAt);
        copy.WriteArchivedAt(ref rng, updatedAt);
    }
}
