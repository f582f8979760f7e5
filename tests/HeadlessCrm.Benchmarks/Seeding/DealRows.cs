using Npgsql;
using NpgsqlTypes;

namespace HeadlessCrm.Benchmarks.Seeding;

public sealed class DealRows(Dataset data) : RowSource(data)
{
    private static readonly Weighted<string> Currencies = new(("USD", 60), ("EUR", 30), ("GBP", 10));

    public override string Target => """
        deals (workspace_id, id, title, amount, currency, pipeline_id, stage_id, stage_entered_at, expected_close_date,
            status, lost_reason, closed_at, company_id, owner_id, tags, custom_fields, created_at, updated_at, archived_at)
        """;

    public override long Items => Data.Count(Table.Deal);

    public override void Write(NpgsqlBinaryImporter copy, long index)
    {
        var plan = DealPlan.For(Data, index);
        var rng = Data.Random(Table.Deal, index);
        var product = rng.Pick(Vocabulary.Products);
        var title = plan.Company >= 0 ? $"{CompanyRows.Name(Data, plan.Company)} — {product}" : product;
        var hasAmount = rng.Chance(0.9);
        var updatedAt = Dataset.Between(ref rng, plan.StageEnteredAt, Dataset.Now);
        var closeDate = plan.ClosedAt ?? Dataset.Now.AddDays(rng.Next(-30, 180));

        copy.StartRow();
        copy.Write(WorkspaceId, NpgsqlDbType.Uuid);
        copy.Write(Data.Id(Table.Deal, index), NpgsqlDbType.Uuid);
        copy.Write(title, NpgsqlDbType.Text);
        copy.WriteOrNull(hasAmount ? Math.Round((decimal)Math.Pow(10, 2.5 + rng.NextDouble() * 3.5), 2) : (decimal?)null, NpgsqlDbType.Numeric);
        copy.WriteOrNull(hasAmount ? Currencies.Pick(ref rng) : null, NpgsqlDbType.Char);
        copy.Write(plan.Pipeline.Id, NpgsqlDbType.Uuid);
        copy.Write(plan.Stage.Id, NpgsqlDbType.Uuid);
        copy.WriteTime(plan.StageEnteredAt);
        copy.WriteOrNull(rng.Chance(0.8) ? DateOnly.FromDateTime(closeDate) : (DateOnly?)null, NpgsqlDbType.Date);
        copy.Write(plan.Status, NpgsqlDbType.Text);
        copy.WriteOrNull(plan.Status == "lost" ? rng.Pick(Vocabulary.LostReasons) : null, NpgsqlDbType.Text);
        copy.WriteOrNull(plan.ClosedAt, NpgsqlDbType.TimestampTz);
        copy.WriteOrNull(plan.Company >= 0 ? Data.Id(Table.Company, plan.Company) : (Guid?)null, NpgsqlDbType.Uuid);
        copy.Write(Data.Owner(ref rng), NpgsqlDbType.Uuid);
        copy.WriteTags(ref rng);
        copy.Write("{}", NpgsqlDbType.Jsonb);
        copy.WriteTime(plan.CreatedAt);
        copy.WriteTime(updatedAt);
        copy.WriteArchivedAt(ref rng, updatedAt);
    }
}

public sealed class DealContactRows(Dataset data) : RowSource(data)
{
    public override string Target => "deal_contacts (workspace_id, deal_id, contact_id, created_at)";

    public override long Items => Data.Count(Table.Deal);

    public override void Write(NpgsqlBinaryImporter copy, long index)
    {
        var plan = DealPlan.For(Data, index);
        foreach (var contact in plan.Contacts)
        {
            copy.StartRow();
            copy.Write(WorkspaceId, NpgsqlDbType.Uuid);
            copy.Write(Data.Id(Table.Deal, index), NpgsqlDbType.Uuid);
            copy.Write(Data.Id(Table.Contact, contact), NpgsqlDbType.Uuid);
            copy.WriteTime(plan.CreatedAt);
        }
    }
}

/// <summary>One stay per stage the deal went through; the current stay has no <c>left_at</c>.</summary>
public sealed class StageHistoryRows(Dataset data) : RowSource(data)
{
    public override string Target => """
        deal_stage_history (workspace_id, id, deal_id, pipeline_id, stage_id, entered_at, left_at, created_at, updated_at)
        """;

    public override long Items => Data.Count(Table.Deal);

    public override void Write(NpgsqlBinaryImporter copy, long index)
    {
        var plan = DealPlan.For(Data, index);
        var dealId = Data.Id(Table.Deal, index);
        for (var i = 0; i < plan.Path.Count; i++)
        {
            var (stage, enteredAt) = plan.Path[i];
            DateTime? leftAt = i + 1 < plan.Path.Count ? plan.Path[i + 1].EnteredAt : null;
            copy.StartRow();
            copy.Write(WorkspaceId, NpgsqlDbType.Uuid);
            copy.Write(Dataset.Uuid7(Data.Seed, enteredAt, Table.StageHistory, index * 8 + i), NpgsqlDbType.Uuid);
            copy.Write(dealId, NpgsqlDbType.Uuid);
            copy.Write(plan.Pipeline.Id, NpgsqlDbType.Uuid);
            copy.Write(stage.Id, NpgsqlDbType.Uuid);
            copy.WriteTime(enteredAt);
            copy.WriteOrNull(leftAt, NpgsqlDbType.TimestampTz);
            copy.WriteTime(enteredAt);
            copy.WriteTime(leftAt ?? enteredAt);
        }
    }
}
