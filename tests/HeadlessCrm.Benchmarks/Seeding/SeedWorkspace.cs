using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Identity.Clients;
using Npgsql;

namespace HeadlessCrm.Benchmarks.Seeding;

public sealed record SeedStage(Guid Id, Guid PipelineId, string Name, int Position, decimal Probability, string Kind);

public sealed record SeedPipeline(Guid Id, string Name, double Weight, IReadOnlyList<SeedStage> Stages)
{
    public IReadOnlyList<SeedStage> Open { get; } = Stages.Where(s => s.Kind == "open").ToList();
    public SeedStage Won { get; } = Stages.Single(s => s.Kind == "won");
    public SeedStage Lost { get; } = Stages.Single(s => s.Kind == "lost");
}

/// <summary>
/// The workspace the data lives in: an admin, two teams (a manager and ten reps each), three pipelines and an OAuth
/// client with every scope. Its ids derive from the seed, so running the seed again finds (reuses) the same rows.
/// </summary>
public sealed record SeedWorkspace(Guid Id, Guid Admin, IReadOnlyList<Guid> Managers, IReadOnlyList<Guid> Reps, IReadOnlyList<SeedPipeline> Pipelines)
{
    private const int RepsPerTeam = 10;
    private static readonly string[] TeamNames = ["East", "West"];
    private static readonly (string Name, double Weight, (string Name, decimal Probability, string Kind)[] Stages)[] PipelineShapes =
    [
        ("Sales pipeline", 0.7, [("Qualification", 0.1m, "open"), ("Meeting scheduled", 0.2m, "open"), ("Proposal sent", 0.5m, "open"),
            ("Negotiation", 0.8m, "open"), ("Won", 1m, "won"), ("Lost", 0m, "lost")]),
        ("Renewals", 0.2, [("Upcoming", 0.6m, "open"), ("In discussion", 0.75m, "open"), ("Renewed", 1m, "won"), ("Churned", 0m, "lost")]),
        ("Partnerships", 0.1, [("Introduced", 0.1m, "open"), ("Evaluating", 0.3m, "open"), ("Contracting", 0.7m, "open"),
            ("Signed", 1m, "won"), ("Declined", 0m, "lost")]),
    ];

    public static async Task<SeedWorkspace> EnsureAsync(NpgsqlConnection connection, SeedOptions options)
    {
        var next = 0L;
        Guid NextId() => Dataset.Uuid7(options.Seed, Dataset.Start, Table.Setup, next++);
        var workspaceId = NextId();
        var now = Dataset.Start;

        await using var batch = new NpgsqlBatch(connection);
        void Add(string sql, params object?[] args)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var arg in args) command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }

        Add("INSERT INTO workspaces (id, name, created_at, updated_at) VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING",
            workspaceId, $"Benchmark workspace (seed {options.Seed})", now);
        var admin = NextId();
        Add(MemberSql, workspaceId, admin, "admin@bench.example", "Avery Admin", "admin", null, now);

        var managers = new List<Guid>();
        var reps = new List<Guid>();
        foreach (var team in TeamNames)
        {
            var teamId = NextId();
            Add("INSERT INTO teams (workspace_id, id, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT DO NOTHING",
                workspaceId, teamId, team, now);
            var manager = NextId();
            managers.Add(manager);
            Add(MemberSql, workspaceId, manager, $"manager.{team.ToLowerInvariant()}@bench.example", $"{team} Manager", "manager", teamId, now);
            for (var r = 1; r <= RepsPerTeam; r++)
            {
                var rep = NextId();
                reps.Add(rep);
                Add(MemberSql, workspaceId, rep, $"rep{r}.{team.ToLowerInvariant()}@bench.example", $"{team} Rep {r}", "rep", teamId, now);
            }
        }

        var pipelines = new List<SeedPipeline>();
        for (var p = 0; p < PipelineShapes.Length; p++)
        {
            var shape = PipelineShapes[p];
            var pipelineId = NextId();
            Add("INSERT INTO pipelines (workspace_id, id, name, position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING",
                workspaceId, pipelineId, shape.Name, p, now);
            var stages = shape.Stages.Select((s, i) => new SeedStage(NextId(), pipelineId, s.Name, i, s.Probability, s.Kind)).ToList();
            foreach (var s in stages)
                Add("""
                    INSERT INTO pipeline_stages (workspace_id, id, pipeline_id, name, position, probability, kind, created_at, updated_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT DO NOTHING
                    """, workspaceId, s.Id, pipelineId, s.Name, s.Position, s.Probability, s.Kind, now);
            pipelines.Add(new SeedPipeline(pipelineId, shape.Name, shape.Weight, stages));
        }

        AddClient(Add, workspaceId, options, now);
        await batch.ExecuteNonQueryAsync();
        return new SeedWorkspace(workspaceId, admin, managers, reps, pipelines);
    }

    private const string MemberSql = """
        INSERT INTO members (workspace_id, id, email, name, role, team_id, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING
        """;

    /// <summary>The harness's client: created, or pointed at this workspace with the given secret and every scope.</summary>
    private static void AddClient(Action<string, object?[]> add, Guid workspaceId, SeedOptions options, DateTime now)
    {
        var client = new OAuthClient { ClientId = options.ClientId, Name = "Benchmark harness" };
        var hash = new ClientSecretHasher(TimeProvider.System).Hash(client, options.ClientSecret);
        add("""
            INSERT INTO oauth_clients (id, workspace_id, client_id, name, secret_hash, allowed_scopes, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
            ON CONFLICT (client_id) DO UPDATE SET workspace_id = excluded.workspace_id, secret_hash = excluded.secret_hash,
                allowed_scopes = excluded.allowed_scopes, updated_at = excluded.updated_at
            """, [client.Id, workspaceId, client.ClientId, client.Name, hash, Scopes.All.ToArray(), now]);
    }
}
