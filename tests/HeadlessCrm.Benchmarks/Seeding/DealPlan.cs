namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>
/// A deal's life, decided once from its index: the pipeline, the stages it went through (with the time it entered
/// each), and so its current stage, status and close time. The deal row, its stage history and its contacts are all
/// written from the same plan, so they always agree.
/// </summary>
public sealed class DealPlan
{
    private static readonly TimeSpan HalfYear = TimeSpan.FromDays(182);
    private static readonly Weighted<int> ContactCounts = new((0, 10), (1, 50), (2, 30), (3, 10));

    public required long Index { get; init; }
    public required SeedPipeline Pipeline { get; init; }
    public required IReadOnlyList<(SeedStage Stage, DateTime EnteredAt)> Path { get; init; }
    public required IReadOnlyList<long> Contacts { get; init; }
    public required long Company { get; init; }

    public DateTime CreatedAt => Path[0].EnteredAt;
    public SeedStage Stage => Path[^1].Stage;
    public DateTime StageEnteredAt => Path[^1].EnteredAt;
    public string Status => Stage.Kind;
    public DateTime? ClosedAt => Status == "open" ? null : StageEnteredAt;

    public static DealPlan For(Dataset data, long index)
    {
        var rng = data.Random(Table.Deal, index, purpose: 1);
        var pipelines = data.Workspace.Pipelines;
        var pipeline = pipelines[PickPipeline(ref rng, pipelines)];
        var createdAt = data.CreatedAt(Table.Deal, index);

        // Older deals are more likely to be closed; about 45% of closed deals are won.
        var closed = rng.Chance(Math.Min(0.85, (Dataset.Now - createdAt) / HalfYear * 0.85));
        var open = pipeline.Open;
        var furthestOpen = rng.Next(0, open.Count);
        var stages = open.Take(furthestOpen + 1).ToList();
        if (closed) stages.Add(rng.Chance(0.45) ? pipeline.Won : pipeline.Lost);

        // Spread the stays over the time from creation to now, each taking a share of it.
        var path = new List<(SeedStage, DateTime)>(stages.Count) { (stages[0], createdAt) };
        var step = (Dataset.Now - createdAt).Ticks / (stages.Count + 1);
        var at = createdAt;
        foreach (var stage in stages.Skip(1))
        {
            var ticks = (long)(step * (0.3 + 0.7 * rng.NextDouble()));
            at = at.AddTicks(ticks - ticks % 10);
            path.Add((stage, at));
        }

        var contacts = new List<long>(3);
        for (var wanted = ContactCounts.Pick(ref rng); contacts.Count < wanted;)
        {
            var contact = data.EarlierRow(ref rng, Table.Contact, index, data.Count(Table.Deal));
            if (contacts.Contains(contact)) break;
            contacts.Add(contact);
        }

        return new DealPlan
        {
            Index = index,
            Pipeline = pipeline,
            Path = path,
            Contacts = contacts,
            Company = rng.Chance(0.9) ? data.EarlierRow(ref rng, Table.Company, index, data.Count(Table.Deal)) : -1,
        };
    }

    private static int PickPipeline(ref Rng rng, IReadOnlyList<SeedPipeline> pipelines)
    {
        var roll = rng.NextDouble() * pipelines.Sum(p => p.Weight);
        for (var i = 0; i < pipelines.Count; i++)
            if ((roll -= pipelines[i].Weight) < 0) return i;
        return pipelines.Count - 1;
    }
}
