using System.Text.Json;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Pipelines;

/// <summary>Pipelines and their stages: a workspace-wide configuration (no owner), read by everyone with the scope.</summary>
public sealed class PipelineUseCases(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    private static readonly System.Linq.Expressions.Expression<Func<Pipeline, PipelineDto>> Projection = p => new PipelineDto
    {
        Id = p.Id,
        Name = p.Name,
        Position = p.Position,
        Stages = p.Stages.Where(s => s.ArchivedAt == null).OrderBy(s => s.Position)
            .Select(s => new StageDto(s.Id, s.Name, s.Position, s.Probability, s.Kind)).ToList(),
        CreatedAt = p.CreatedAt,
        UpdatedAt = p.UpdatedAt,
        ArchivedAt = p.ArchivedAt,
        Version = p.Version,
    };

    private static readonly Func<Pipeline, PipelineDto> Map = Projection.Compile();

    public async Task<IReadOnlyList<PipelineDto>> ListAsync(bool archived, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesRead);
        return await db.Pipelines.AsNoTracking()
            .Where(p => archived ? p.ArchivedAt != null : p.ArchivedAt == null)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(Projection).ToListAsync(ct);
    }

    public async Task<PipelineDto> GetAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesRead);
        return await db.Pipelines.AsNoTracking().Where(p => p.Id == id).Select(Projection).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("pipeline", id);
    }

    /// <summary>The pipelines of these ids, in one statement (GraphQL's DataLoader).</summary>
    public async Task<IReadOnlyDictionary<Guid, PipelineDto>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesRead);
        return await db.Pipelines.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(Projection).ToDictionaryAsync(p => p.Id, ct);
    }

    /// <summary>The stages of these ids, archived ones included (a deal may still sit in one), in one statement.</summary>
    public async Task<IReadOnlyDictionary<Guid, StageDto>> GetStagesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesRead);
        return await db.PipelineStages.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new StageDto(s.Id, s.Name, s.Position, s.Probability, s.Kind)).ToDictionaryAsync(s => s.Id, ct);
    }

    public async Task<PipelineDto> CreateAsync(PipelineInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesWrite);
        var check = new RuleCheck();
        input.Check(check, creating: true);
        check.ThrowIfBroken();

        var pipeline = new Pipeline
        {
            Name = input.Name!.Trim(),
            Position = input.Position ?? await db.Pipelines.CountAsync(ct),
        };
        pipeline.Stages.AddRange(input.Stages!.Select(s => s.WithDefaults()).Select((s, i) => new PipelineStage
        {
            PipelineId = pipeline.Id,
            Name = s.Name!.Trim(),
            Position = i,
            Probability = s.Probability!.Value,
            Kind = s.Kind!.Value,
        }));
        db.Pipelines.Add(pipeline);
        await db.SaveChangesAsync(ct);
        return Map(pipeline);
    }

    public async Task<PipelineDto> UpdateAsync(Guid id, string? ifMatch, JsonElement patch, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesWrite);
        var pipeline = await LoadAsync(id, ifMatch, ct);
        var input = MergePatch.Apply(new PipelineInput { Name = pipeline.Name, Position = pipeline.Position }, patch);
        var check = new RuleCheck();
        input.Check(check, creating: false);
        check.ThrowIfBroken();
        pipeline.Name = input.Name!.Trim();
        pipeline.Position = input.Position!.Value;
        await SaveAsync(pipeline, ct);
        return Map(pipeline);
    }

    /// <summary>Archives a pipeline that no open deal is in.</summary>
    public async Task ArchiveAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesWrite);
        var pipeline = await LoadAsync(id, ifMatch, ct);
        if (await OpenDealsAsync(d => d.PipelineId == id, ct))
            throw new ConflictException("The pipeline still has open deals; move or close them first.");
        pipeline.ArchivedAt ??= clock.GetUtcNow().UtcDateTime;
        await SaveAsync(pipeline, ct);
    }

    public async Task<PipelineDto> RestoreAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesWrite);
        var pipeline = await LoadAsync(id, ifMatch, ct);
        pipeline.ArchivedAt = null;
        await SaveAsync(pipeline, ct);
        return Map(pipeline);
    }

    public async Task<PipelineDto> AddStageAsync(Guid pipelineId, StageInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesWrite);
        var pipeline = await LoadAsync(pipelineId, null, ct);
        var check = new RuleCheck();
        input.Check(check);
        check.ThrowIfBroken();
        input = input.WithDefaults();
        var stage = new PipelineStage
        {
            PipelineId = pipeline.Id,
            Name = input.Name!.Trim(),
            Probability = input.Probability!.Value,
            Kind = input.Kind!.Value,
        };
        pipeline.Stages.Add(stage);
        Reorder(pipeline, stage, input.Position);
        await SaveAsync(pipeline, ct);
        return Map(pipeline);
    }

    public async Task<PipelineDto> UpdateStageAsync(Guid pipelineId, Guid stageId, JsonElement patch, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesWrite);
        var pipeline = await LoadAsync(pipelineId, null, ct);
        var stage = LiveStage(pipeline, stageId);
        var input = MergePatch.Apply(new StageInput { Name = stage.Name, Probability = stage.Probability, Kind = stage.Kind, Position = stage.Position }, patch);
        var check = new RuleCheck();
        input.Check(check);
        check.Required(input.Kind, "kind").ThrowIfBroken();
        if (input.Kind != stage.Kind && await db.Deals.IgnoreQueryFilters([CrmDbContext.VisibilityFilter]).AnyAsync(d => d.StageId == stageId, ct))
            throw new ConflictException("Deals are in this stage; its kind cannot change. Add a new stage instead.");
        stage.Name = input.Name!.Trim();
        stage.Probability = input.Probability!.Value;
        stage.Kind = input.Kind!.Value;
        Reorder(pipeline, stage, input.Position);
        await SaveAsync(pipeline, ct);
        return Map(pipeline);
    }

    /// <summary>Archives a stage no deal is in; history keeps pointing at it.</summary>
    public async Task<PipelineDto> ArchiveStageAsync(Guid pipelineId, Guid stageId, CancellationToken ct)
    {
        caller.Demand(Scopes.PipelinesWrite);
        var pipeline = await LoadAsync(pipelineId, null, ct);
        var stage = LiveStage(pipeline, stageId);
        if (await db.Deals.IgnoreQueryFilters([CrmDbContext.VisibilityFilter]).AnyAsync(d => d.StageId == stageId && d.ArchivedAt == null, ct))
            throw new ConflictException("Deals are in this stage; move them to another stage first.");
        var remaining = pipeline.Stages.Where(s => s.ArchivedAt is null && s.Id != stageId).ToList();
        if (!remaining.Any(s => s.Kind == StageKind.Open) || !remaining.Any(s => s.Kind == StageKind.Won) || !remaining.Any(s => s.Kind == StageKind.Lost))
            throw new ConflictException("A pipeline keeps at least one open, one won and one lost stage.");
        stage.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        Reorder(pipeline, null, null);
        await SaveAsync(pipeline, ct);
        return Map(pipeline);
    }

    private async Task<Pipeline> LoadAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        var pipeline = await db.Pipelines.Include(p => p.Stages).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new RecordNotFoundException("pipeline", id);
        ETags.CheckIfMatch(ifMatch, pipeline.Version);
        return pipeline;
    }

    private static PipelineStage LiveStage(Pipeline pipeline, Guid stageId) =>
        pipeline.Stages.FirstOrDefault(s => s.Id == stageId && s.ArchivedAt is null) ?? throw new RecordNotFoundException("stage", stageId);

    /// <summary>Puts <paramref name="moved"/> at <paramref name="position"/> (or keeps it) and numbers the live stages 0..n-1.</summary>
    private static void Reorder(Pipeline pipeline, PipelineStage? moved, int? position)
    {
        var live = pipeline.Stages.Where(s => s.ArchivedAt is null && s != moved).OrderBy(s => s.Position).ToList();
        if (moved is not null) live.Insert(Math.Clamp(position ?? live.Count, 0, live.Count), moved);
        for (var i = 0; i < live.Count; i++) live[i].Position = i;
    }

    private Task<bool> OpenDealsAsync(System.Linq.Expressions.Expression<Func<Deal, bool>> where, CancellationToken ct) =>
        db.Deals.IgnoreQueryFilters([CrmDbContext.VisibilityFilter]).Where(d => d.Status == DealStatus.Open && d.ArchivedAt == null).AnyAsync(where, ct);

    /// <summary>A change to a stage also touches the pipeline, so the pipeline's ETag moves with its stages.</summary>
    private async Task SaveAsync(Pipeline pipeline, CancellationToken ct)
    {
        db.Entry(pipeline).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }
}
