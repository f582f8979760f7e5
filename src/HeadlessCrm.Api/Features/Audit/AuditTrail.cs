using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HeadlessCrm.Api.Features.Audit;

/// <summary>
/// Turns what a SaveChanges is about to write into audit events, so no use case has to remember to: creates, field
/// changes (old → new), archives, restores, and a deal's contacts added or removed.
/// </summary>
public static class AuditTrail
{
    private static readonly Dictionary<Type, string> RecordTypes = new()
    {
        [typeof(Company)] = "company",
        [typeof(Contact)] = "contact",
        [typeof(Deal)] = "deal",
        [typeof(Activity)] = "activity",
        [typeof(Pipeline)] = "pipeline",
        [typeof(PipelineStage)] = "stage",
        [typeof(Member)] = "member",
        [typeof(Team)] = "team",
        [typeof(PersonalAccessToken)] = "personal_token",
    };

    /// <summary>Bookkeeping that is not part of what a person changed.</summary>
    private static readonly HashSet<string> Ignored =
    [
        nameof(TenantEntity.WorkspaceId), nameof(TenantEntity.Id), nameof(TenantEntity.CreatedAt), nameof(TenantEntity.UpdatedAt),
        nameof(CrmRecord.Version), nameof(Contact.EmailKeys), nameof(Contact.PhoneKeys), nameof(Activity.TimelineAt), "SortName", "SearchText",
        nameof(Member.PasswordHash), nameof(Member.InvitationHash), nameof(PersonalAccessToken.TokenHash), nameof(PersonalAccessToken.LastUsedAt),
    ];

    /// <summary>Fields whose values are secrets: the event says they changed, not to what.</summary>
    private static readonly HashSet<string> Redacted = [nameof(Member.PasswordHash), nameof(Member.InvitationHash)];

    /// <summary>An audited change and the entity it is about (null when the change was made without loading it).</summary>
    public sealed record RecordChange(AuditEvent Audit, object? Entity);

    public static IReadOnlyList<RecordChange> Collect(ChangeTracker tracker, RequestContext caller, DateTime now)
    {
        var events = new List<RecordChange>();
        foreach (var entry in tracker.Entries().ToList())
        {
            if (!RecordTypes.TryGetValue(entry.Metadata.ClrType, out var type)) continue;
            var action = ActionOf(entry);
            if (action is null) continue;
            var changes = ChangesOf(entry);
            if (action == "updated" && changes.Count == 0) continue;
            events.Add(new RecordChange(Event(caller, now, type, (Guid)entry.Property(nameof(TenantEntity.Id)).CurrentValue!, action, changes), entry.Entity));
        }

        foreach (var deal in tracker.Entries<DealContact>()
                     .Where(e => e.State is EntityState.Added or EntityState.Deleted)
                     .GroupBy(e => e.Entity.DealId))
        {
            var changes = new JsonObject();
            var added = deal.Where(e => e.State == EntityState.Added).Select(e => (JsonNode)e.Entity.ContactId.ToString()).ToArray();
            var removed = deal.Where(e => e.State == EntityState.Deleted).Select(e => (JsonNode)e.Entity.ContactId.ToString()).ToArray();
            var contactIds = new JsonObject();
            if (added.Length > 0) contactIds["added"] = new JsonArray(added);
            if (removed.Length > 0) contactIds["removed"] = new JsonArray(removed);
            changes["contactIds"] = contactIds;
            var dealEntry = tracker.Entries<Deal>().FirstOrDefault(d => d.Entity.Id == deal.Key);
            if (dealEntry?.State == EntityState.Added) continue;
            var existing = events.FirstOrDefault(e => e.Audit.RecordType == "deal" && e.Audit.RecordId == deal.Key);
            if (existing is not null) existing.Audit.Changes["contactIds"] = contactIds;
            else events.Add(new RecordChange(Event(caller, now, "deal", deal.Key, "updated", changes), dealEntry?.Entity));
        }
        return events;
    }

    public static AuditEvent Event(RequestContext caller, DateTime now, string type, Guid id, string action, JsonObject changes) => new()
    {
        RecordType = type,
        RecordId = id,
        Action = action,
        Actor = caller.Subject.Length > 0 ? caller.Subject : "anonymous",
        ActorMemberId = caller.MemberId,
        Changes = changes,
        OccurredAt = now,
    };

    private static string? ActionOf(EntityEntry entry)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                return "created";
            case EntityState.Deleted:
                return "deleted";
            case EntityState.Modified:
                var archived = entry.Metadata.FindProperty(nameof(CrmRecord.ArchivedAt)) is null ? null : entry.Property(nameof(CrmRecord.ArchivedAt));
                if (archived is { IsModified: true } && archived.OriginalValue is null && archived.CurrentValue is not null) return "archived";
                if (archived is { IsModified: true } && archived.OriginalValue is not null && archived.CurrentValue is null) return "restored";
                return "updated";
            default:
                return null;
        }
    }

    private static JsonObject ChangesOf(EntityEntry entry)
    {
        var changes = new JsonObject();
        foreach (var property in entry.Properties) Add(changes, entry.State, property.Metadata.Name, property.Metadata.Name, property.OriginalValue, property.CurrentValue, property.IsModified);
        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                var name = $"{complex.Metadata.Name}.{property.Metadata.Name}";
                Add(changes, entry.State, property.Metadata.Name, name, property.OriginalValue, property.CurrentValue, property.IsModified);
            }
        }
        return changes;
    }

    private static void Add(JsonObject changes, EntityState state, string propertyName, string path, object? original, object? current, bool modified)
    {
        if (Ignored.Contains(propertyName) && !Redacted.Contains(propertyName)) return;
        var field = FieldNames.GetOrAdd(path, p => string.Join('.', p.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)));
        if (Redacted.Contains(propertyName))
        {
            if (state == EntityState.Modified && modified && !Equals(original, current)) changes[field] = new JsonObject { ["changed"] = true };
            return;
        }
        switch (state)
        {
            case EntityState.Added when current is not null && !IsEmpty(current):
                changes[field] = new JsonObject { ["new"] = Node(current) };
                break;
            case EntityState.Modified when modified && !JsonEquals(original, current):
                changes[field] = new JsonObject { ["old"] = Node(original), ["new"] = Node(current) };
                break;
        }
    }

    /// <summary>The API's name of each property path (<c>Address.City</c> → <c>address.city</c>), worked out once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FieldNames = new(StringComparer.Ordinal);

    private static bool IsEmpty(object value) => value is System.Collections.ICollection { Count: 0 } || value is JsonObject { Count: 0 };

    private static bool JsonEquals(object? a, object? b) => JsonNode.DeepEquals(Node(a), Node(b));

    /// <summary>
    /// The value as the API writes it. Text, ids, whole numbers and booleans, most of a record's fields, are taken as they
    /// are (the API's converters leave them alone); the rest go through the serializer, which writes and parses them back.
    /// </summary>
    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        Guid id => JsonValue.Create(id),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        bool truth => JsonValue.Create(truth),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), CrmJson.Options),
    };
}
