using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Audit;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Erasure;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Api.Features.Search;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Features.Workspaces;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Idempotency;
using HeadlessCrm.Identity;
using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using HeadlessCrm.Identity.Keys;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Infrastructure.Data;

/// <summary>
/// The CRM's tables. Two walls are built into the model rather than into each query: the tenant filter (rows of the
/// caller's workspace only) and the visibility filter (a rep's own records, a manager's team's records).
/// Instances are pooled (<see cref="Hosting.DatabaseExtensions"/>): each request rents one and binds it to its caller
/// and clock with <see cref="Bind"/> before any use; EF resets the rest of its state when it goes back to the pool.
/// </summary>
public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    private RequestContext? _caller;
    private TimeProvider _clock = TimeProvider.System;

    /// <summary>Whose request this context serves from now on (a rented context is bound before it is handed out).</summary>
    public CrmDbContext Bind(RequestContext caller, TimeProvider clock)
    {
        _caller = caller;
        _clock = clock;
        return this;
    }

    /// <summary>
    /// The workspace a command of the open transaction has already set on the session, if any (kept by
    /// <see cref="WorkspaceSessionInterceptor"/>, which then spares a SaveChanges its separate SET).
    /// </summary>
    internal Guid? WorkspaceSetInTransaction { get; set; }

    /// <summary>Unbound on the way back to the pool, so a context never carries one request's caller into another's.</summary>
    public override void Dispose()
    {
        _caller = null;
        WorkspaceSetInTransaction = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _caller = null;
        WorkspaceSetInTransaction = null;
        return base.DisposeAsync();
    }

    public const string TenantFilter = "tenant";
    public const string VisibilityFilter = "visibility";

    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Pipeline> Pipelines => Set<Pipeline>();
    public DbSet<PipelineStage> PipelineStages => Set<PipelineStage>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealContact> DealContacts => Set<DealContact>();
    public DbSet<DealStageEntry> DealStageHistory => Set<DealStageEntry>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<OAuthClient> OAuthClients => Set<OAuthClient>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<OAuthGrant> OAuthGrants => Set<OAuthGrant>();
    public DbSet<AuthorizationCode> AuthorizationCodes => Set<AuthorizationCode>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<RevokedToken> RevokedTokens => Set<RevokedToken>();

    /// <summary>
    /// <c>crm_filter_ids(record_type, column_name, op, keys)</c> (V0020): the ids of the workspace's rows whose text[]
    /// column holds the keys (<c>@&gt;</c>) or one of them (<c>&amp;&amp;</c>), searched through its GIN index below
    /// row-level security. Used as a subquery by <see cref="FilterContext.LookedUp{TRow}"/>.
    /// </summary>
    public IQueryable<FilterMatch> FilterIds(string recordType, string columnName, string op, string[] keys) =>
        FromExpression(() => FilterIds(recordType, columnName, op, keys));

    /// <summary>
    /// <c>crm_geo_matches(record_type, centre…, radius_km)</c> (V0027): the ids of the workspace's records of the type
    /// within the radius, found through the GiST index below row-level security (<c>crm_geo_ids</c>, V0016). Used as a
    /// subquery by <see cref="FilterContext.WithinRadius{TRow}"/>.
    /// </summary>
    public IQueryable<FilterMatch> GeoMatches(string recordType, double centreLatitude, double centreLongitude, double radiusKm) =>
        FromExpression(() => GeoMatches(recordType, centreLatitude, centreLongitude, radiusKm));

    /// <summary>
    /// <c>crm_filter_id_array(record_type, column_name, op, operands)</c> (V0028): one row, the ids of all the workspace's
    /// rows whose tags or custom fields match (<c>crm_filter_few_ids</c> without a cap). Used as an init-plan by
    /// <see cref="FilterContext.FewOrDirect{TRow}"/> when counting.
    /// </summary>
    public IQueryable<FilterMatchIds> FilterIdArray(string recordType, string columnName, string op, string[] operands) =>
        FromExpression(() => FilterIdArray(recordType, columnName, op, operands));

    /// <summary>
    /// <c>crm_geo_id_array(record_type, centre…, radius_km)</c> (V0028): one row, <c>crm_geo_ids</c>' array. Used as an
    /// init-plan by <see cref="FilterContext.WithinRadius{TRow}"/> when counting.
    /// </summary>
    public IQueryable<FilterMatchIds> GeoIdArray(string recordType, double centreLatitude, double centreLongitude, double radiusKm) =>
        FromExpression(() => GeoIdArray(recordType, centreLatitude, centreLongitude, radiusKm));

    /// <summary>
    /// <c>crm_filter_few_ids(record_type, column_name, op, operands, cap)</c> (V0025): at most <paramref name="cap"/> + 1
    /// ids of the workspace's rows whose tags or custom fields match, searched through the column's GIN index below
    /// row-level security. One statement; see <see cref="FilterContext.FewOrDirect{TRow}"/>.
    /// </summary>
    public async Task<Guid[]> FewFilterIdsAsync(string recordType, string columnName, string op, string[] operands, int cap, CancellationToken ct) =>
        (await Database.SqlQuery<Guid[]>(
                $"SELECT crm_filter_few_ids({recordType}, {columnName}, {op}, {operands}, {cap}) AS \"Value\"")
            .ToListAsync(ct)).Single();

    public RequestContext Caller => _caller ?? throw new InvalidOperationException("The CrmDbContext was used before it was bound to a caller.");

    // Read by the query filters; EF turns them into parameters of every query.
    private Guid CurrentWorkspaceId => Caller.WorkspaceId;
    private bool SeesWholeWorkspace => Caller.SeesWholeWorkspace;
    private Guid? CurrentMemberId => Caller.MemberId;
    private Guid? VisibleTeamId => Caller.VisibleTeamId;

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        CustomFieldSql.Register(model);
        SearchSql.Register(model);
        GeoSql.Register(model);
        model.Entity<FilterMatch>().HasNoKey().ToTable((string?)null);
        model.HasDbFunction(typeof(CrmDbContext).GetMethod(nameof(FilterIds))!).HasName("crm_filter_ids");
        model.HasDbFunction(typeof(CrmDbContext).GetMethod(nameof(GeoMatches))!).HasName("crm_geo_matches");
        model.Entity<FilterMatchIds>().HasNoKey().ToTable((string?)null);
        model.HasDbFunction(typeof(FilterMatchIds).GetMethod(nameof(FilterMatchIds.IdIn))!).HasName("crm_id_in");
        model.HasDbFunction(typeof(CrmDbContext).GetMethod(nameof(FilterIdArray))!).HasName("crm_filter_id_array");
        model.HasDbFunction(typeof(CrmDbContext).GetMethod(nameof(GeoIdArray))!).HasName("crm_geo_id_array");

        Expression<Func<TenantEntity, bool>> tenant = e => e.WorkspaceId == CurrentWorkspaceId;
        Expression<Func<CrmRecord, bool>> visible = e =>
            SeesWholeWorkspace
            || e.OwnerId == CurrentMemberId
            || (VisibleTeamId != null && Members.Any(m => m.Id == e.OwnerId && m.TeamId == VisibleTeamId));
        foreach (var type in model.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(TenantEntity).IsAssignableFrom(type))
                model.Entity(type).HasQueryFilter(TenantFilter, Retype(tenant, type));
            if (typeof(CrmRecord).IsAssignableFrom(type))
                model.Entity(type).HasQueryFilter(VisibilityFilter, Retype(visible, type));
        }
        model.Entity<DealContact>().HasQueryFilter(TenantFilter, e => e.WorkspaceId == CurrentWorkspaceId);
        model.Entity<IdempotencyRecord>().HasQueryFilter(TenantFilter, e => e.WorkspaceId == CurrentWorkspaceId);
        model.Entity<AuditEvent>().HasQueryFilter(TenantFilter, e => e.WorkspaceId == CurrentWorkspaceId);
        model.Entity<OutboxEvent>().HasQueryFilter(TenantFilter, e => e.WorkspaceId == CurrentWorkspaceId);
        // A credential store without row-level security: the token endpoint finds a client before any workspace is known
        // (and says so with IgnoreQueryFilters); everything else sees its own workspace's clients only.
        model.Entity<OAuthClient>().HasQueryFilter(TenantFilter, e => e.WorkspaceId == CurrentWorkspaceId);
        model.Entity<ErasureBlock>().HasQueryFilter(TenantFilter, e => e.WorkspaceId == CurrentWorkspaceId);
        foreach (var property in model.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(string[])))
            property.SetValueComparer(Converters.TextArrays);
        SnakeCaseNames.Apply(model);
    }

    /// <summary>The same filter, written once against a base class, applied to each concrete entity type.</summary>
    private static LambdaExpression Retype<TBase>(Expression<Func<TBase, bool>> filter, Type entityType)
    {
        var parameter = Expression.Parameter(entityType, filter.Parameters[0].Name);
        var body = ReplacingExpressionVisitor.Replace(filter.Parameters[0], parameter, filter.Body);
        return Expression.Lambda(body, parameter);
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var auto = DetectChangesOnce();
        try
        {
            Stamp();
            return await MultiRowInserts.SaveAsync(this, base.SaveChangesAsync, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    public override int SaveChanges()
    {
        var auto = DetectChangesOnce();
        try
        {
            Stamp();
            return base.SaveChanges();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    /// <summary>
    /// Detects the changes of a save once: the audit trail's, the stamps' and EF's own look at the tracked entities would
    /// each detect them again, comparing every property of every entity (a bulk save tracks hundreds). What changes after
    /// this goes through the entries (<see cref="Stamp"/>), which EF sees without detecting.
    /// </summary>
    private bool DetectChangesOnce()
    {
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        if (auto) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return auto;
    }

    /// <summary>
    /// New tenant rows join the caller's workspace; every change is timestamped here, not by callers, and written to
    /// the audit trail in the same transaction.
    /// </summary>
    private void Stamp()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var changes = AuditTrail.Collect(ChangeTracker, Caller, now);
        foreach (var entry in ChangeTracker.Entries<TenantEntity>())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.WorkspaceId == Guid.Empty) entry.Property(nameof(TenantEntity.WorkspaceId)).CurrentValue = RequireWorkspace();
                entry.Property(nameof(TenantEntity.CreatedAt)).CurrentValue = now;
                entry.Property(nameof(TenantEntity.UpdatedAt)).CurrentValue = now;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Property(nameof(TenantEntity.UpdatedAt)).CurrentValue = now;
            }
        }
        foreach (var entry in ChangeTracker.Entries<DealContact>().Where(e => e.State == EntityState.Added))
        {
            if (entry.Entity.WorkspaceId == Guid.Empty) entry.Property(nameof(DealContact.WorkspaceId)).CurrentValue = RequireWorkspace();
            entry.Property(nameof(DealContact.CreatedAt)).CurrentValue = now;
        }
        // After the timestamps, so that the events' snapshots carry them.
        foreach (var change in changes) Record(change.Audit, change.Entity);
    }

    /// <summary>Writes a change to the audit trail and its events to the outbox, both in the transaction of the change.</summary>
    public void Record(AuditEvent change, object? entity)
    {
        change.WorkspaceId = RequireWorkspace();
        AuditEvents.Add(change);
        foreach (var e in Outbox.From(change, entity))
        {
            e.Depth = Caller.EventDepth;
            OutboxEvents.Add(e);
        }
    }

    /// <summary>Queues an event that is not a record change (a task fell overdue, a lead came in) for the next save.</summary>
    public void Notify(OutboxEvent notice)
    {
        notice.WorkspaceId = RequireWorkspace();
        notice.Depth = Caller.EventDepth;
        OutboxEvents.Add(notice);
    }

    private Guid RequireWorkspace() => Caller.WorkspaceId != Guid.Empty
        ? Caller.WorkspaceId
        : throw new InvalidOperationException("No workspace: a tenant row was saved outside an authenticated request or job.");
}
