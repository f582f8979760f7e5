using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// Ids of the workspace's settings (teams, webhooks, custom fields, forms, …), which are not versioned records: a global
/// <c>id</c> for node(id:) and mutations, and REST's <c>recordId</c>.
/// </summary>
public static class IdFields
{
    public static ObjectTypeBuilder<T> GlobalIdFields<T>(this ObjectTypeBuilder<T> type, string typeName, Func<T, Guid> id) => type
        .Field("id", "ID!", r => GlobalId.Encode(typeName, id(r)), "Global id, for node(id:) and mutations.")
        .Field("recordId", "UUID!", r => id(r), "The id REST uses (/api/v1/...).");

    /// <summary>
    /// node(id:) for a type read one at a time by its use case's get (which checks the scope): null when it does not
    /// exist for the caller or the caller lacks the scope to read it (as the lists leave out what a token may not read). Several ids of one request are read in one batch, one after another.
    /// </summary>
    public static Relay.NodeLoader NodeLoader<TService, TDto>(string name, Func<TService, Guid, CancellationToken, Task<TDto>> get)
        where TService : notnull where TDto : class =>
        (context, id) => context.DataLoader<Guid, TDto>(name, async (ids, ct) =>
        {
            var found = new Dictionary<Guid, TDto>();
            foreach (var each in ids)
            {
                try
                {
                    found[each] = await get(context.Service<TService>(), each, ct);
                }
                catch (Exception e) when (e is RecordNotFoundException or Infrastructure.Access.MissingScopeException)
                {
                    // Absent for the caller: node(id:) answers null.
                }
            }
            return (IReadOnlyDictionary<Guid, TDto>)found;
        }).Load(id);
}
