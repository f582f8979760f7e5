using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Idempotency;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// Mutations as thin adapters over the REST use cases: typed inputs (<see cref="Inputs"/>) become REST's JSON bodies
/// (read by the same <see cref="RequestJson"/>), failures become userErrors through REST's problem mapping, and idempotencyKey goes
/// through REST's idempotency store.
/// </summary>
public static class Mutations
{
    /// <summary><c>{Type}Payload { field: Type, userErrors }</c>.</summary>
    public static SchemaBuilder AddPayload<TDto>(this SchemaBuilder builder, string typeName, string field) => builder
        .Object<Payload<TDto>>($"{typeName}Payload", t => t
            .Field(field, typeName, p => p.Record, "The record as it is after the change; null when it was refused.")
            .Field("userErrors", "[UserError!]!", p => p.UserErrors, "Why the change was refused; empty on success."));

    /// <summary>A payload of a result that is more than one record (a secret shown once, counts): its fields, then userErrors.</summary>
    public static SchemaBuilder AddPayload<TResult>(this SchemaBuilder builder, string payloadName, Action<ObjectTypeBuilder<Payload<TResult>>> fields) => builder
        .Object<Payload<TResult>>(payloadName, t =>
        {
            fields(t);
            t.Field("userErrors", "[UserError!]!", p => p.UserErrors, "Why the change was refused; empty on success.");
        });

    /// <summary>
    /// Runs a deletion (REST's DELETE of something that is gone afterwards for the caller) and answers the global id of what
    /// was deleted, as <c>DeletePayload { deletedId, userErrors }</c>.
    /// </summary>
    public static Task<Payload<string>> DeleteAsync(string typeName, string globalId, Func<Guid, Task> delete) => RunAsync(async () =>
    {
        await delete(GlobalId.Of(typeName, globalId));
        return globalId;
    });

    /// <summary>Create, update (merge patch), archive and restore of a record type, as REST's POST, PATCH, DELETE and restore.</summary>
    public static SchemaBuilder AddRecordMutations<TEntity, TDto, TInput, TUseCases>(
        this SchemaBuilder builder, string typeName, RecordType<TEntity, TDto> type)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord where TUseCases : notnull, IRecordUseCases<TInput, TDto> => builder
        .AddPayload<TDto>(typeName, type.Name)
        .Mutation(m => m
            .Field($"create{typeName}", $"{typeName}Payload", f => f
                .Description($"Creates a {type.Name}, as POST /api/v1/{type.Plural} (needs {type.WriteScope}).")
                .Argument("input", $"Create{typeName}Input!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => IdempotentAsync(c.Inner, () =>
                    c.Service<TUseCases>().CreateAsync(RequestJson.Read<TInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field($"update{typeName}", $"{typeName}Payload", f => f
                .Description($"Changes a {type.Name} as PATCH /api/v1/{type.Plural}/{{id}}: fields left out stay, fields set to null are cleared.")
                .Argument("id", "ID!")
                .Argument("patch", $"Update{typeName}Input!")
                .IfMatchArgument()
                .ResolveAsync(c => RunAsync(() => c.Service<TUseCases>().UpdateAsync(
                    GlobalId.Of(typeName, c.Argument<string>("id")), c.Argument<string?>("ifMatch"),
                    Inputs.Body(c.Inner, "patch"), c.CancellationToken))))
            .Field($"archive{typeName}", $"{typeName}Payload", f => f
                .Description($"Archives a {type.Name} (restorable), as DELETE /api/v1/{type.Plural}/{{id}}.")
                .Argument("id", "ID!")
                .IfMatchArgument()
                .ResolveAsync(c => RunAsync(() => c.Service<RecordLifecycle>().ArchiveAsync(
                    type, GlobalId.Of(typeName, c.Argument<string>("id")), c.Argument<string?>("ifMatch"), c.CancellationToken))))
            .Field($"restore{typeName}", $"{typeName}Payload", f => f
                .Description($"Restores an archived {type.Name}.")
                .Argument("id", "ID!")
                .IfMatchArgument()
                .IdempotencyKeyArgument()
                .ResolveAsync(c => IdempotentAsync(c.Inner, () => c.Service<RecordLifecycle>().RestoreAsync(
                    type, GlobalId.Of(typeName, c.Argument<string>("id")), c.Argument<string?>("ifMatch"), c.CancellationToken)))));

    public static FieldBuilder<T> IfMatchArgument<T>(this FieldBuilder<T> field) =>
        field.Argument("ifMatch", "String", "The version (ETag) you read; the change is refused if the record changed since.");

    public static FieldBuilder<T> IdempotencyKeyArgument<T>(this FieldBuilder<T> field) =>
        field.Argument("idempotencyKey", "String",
            "As REST's Idempotency-Key: a retry with the same key and arguments gets the first payload again (for 24 hours); " +
            "the same key with other arguments is refused.");

    /// <summary>Runs the change; a failure the client caused becomes userErrors, anything else fails the field.</summary>
    public static async Task<Payload<TDto>> RunAsync<TDto>(Func<Task<TDto>> change)
    {
        try
        {
            return new Payload<TDto>(await change(), []);
        }
        catch (Exception e) when (GraphErrors.UserErrors(e) is { } errors)
        {
            return new Payload<TDto>(default, errors);
        }
    }

    /// <summary>
    /// <see cref="RunAsync{TDto}"/>, honouring the idempotencyKey argument: the payload (userErrors included) is kept,
    /// keyed by the caller and the key, and replayed for a retry whose field and arguments are the same.
    /// </summary>
    public static async Task<Payload<TDto>> IdempotentAsync<TDto>(IResolveContext context, Func<Task<TDto>> change)
    {
        if (context.Argument<string?>("idempotencyKey") is not { } key) return await RunAsync(change);
        if (!IdempotencyKeys.IsValid(key))
            return Refused<TDto>("idempotencyKey", "1 to 255 visible ASCII characters.", "BAD_USER_INPUT");

        var keys = context.Service<IdempotencyKeys>();
        var begun = await keys.BeginAsync(key, Hash(context));
        switch (begun.Outcome)
        {
            case IdempotencyKeys.Outcome.Reused:
                return Refused<TDto>("idempotencyKey", "This key was used for a different request.", "IDEMPOTENCY_KEY_REUSED");
            case IdempotencyKeys.Outcome.InProgress:
                return Refused<TDto>("idempotencyKey", "A request with this key is in progress; retry later.", "CONFLICT");
            case IdempotencyKeys.Outcome.Replay:
                return StoredPayload<TDto>.Read(begun.Record!.ResponseBody!);
        }

        try
        {
            var payload = await RunAsync(change);
            await keys.CompleteAsync(key, StatusCodes.Status200OK, [], StoredPayload<TDto>.Write(payload));
            return payload;
        }
        catch
        {
            await keys.ForgetAsync(key);
            throw;
        }
    }

    private static Payload<TDto> Refused<TDto>(string field, string message, string code) => new(default, [new UserError(field, message, code)]);

    /// <summary>The request's identity: the mutation field and its arguments other than the key.</summary>
    private static string Hash(IResolveContext context)
    {
        var arguments = context.Arguments.Where(a => a.Key != "idempotencyKey").OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(a => a.Key, a => a.Value);
        var text = $"graphql {context.Field.Name}\n{JsonSerializer.Serialize(arguments)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A payload as kept in the idempotency store, the versions of the records in it included (their REST JSON leaves them out).</summary>
    private static class StoredPayload<TDto>
    {
        public static byte[] Write(Payload<TDto> payload) => JsonSerializer.SerializeToUtf8Bytes(payload, StoredJson);

        public static Payload<TDto> Read(byte[] body) =>
            JsonSerializer.Deserialize<Payload<TDto>>(body, StoredJson) ?? throw new GraphQLException("The kept response could not be read.");
    }

    private static readonly JsonSerializerOptions StoredJson = new(CrmJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { KeepVersion } },
    };

    /// <summary>Adds <c>storedVersion</c> to every versioned record, whose <c>Version</c> is [JsonIgnore] in REST's JSON.</summary>
    private static void KeepVersion(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(IVersioned).IsAssignableFrom(info.Type)) return;
        var property = info.Type.GetProperty(nameof(IVersioned.Version))!;
        var version = info.CreateJsonPropertyInfo(typeof(uint), "storedVersion");
        version.Get = record => ((IVersioned)record).Version;
        version.Set = (record, value) => property.SetValue(record, value);
        info.Properties.Add(version);
    }
}
