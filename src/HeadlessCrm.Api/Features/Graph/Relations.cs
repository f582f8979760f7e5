using System.Linq.Expressions;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// The nested lists of a record (a company's contacts, a contact's timeline): Relay connections paged per parent with
/// <c>first</c> / <c>after</c>, newest first, read for all the parents of a level at once.
/// </summary>
public static class Relations
{
    public const int DefaultFirst = 10;

    /// <summary>
    /// <c>first</c> (default 10, at most 100) and <c>after</c> (an endCursor of this relation); the relation is read by
    /// its parent's <c>Id</c>, all a selection of it needs of the parent.
    /// </summary>
    public static FieldBuilder<TParent> RelationPageArguments<TParent>(this FieldBuilder<TParent> field) => field
        .ArgumentWithDefault("first", "Int", DefaultFirst, $"Page size per parent, 1 to {ListRequest.MaxLimit}.")
        .Argument("after", "String", "The endCursor of this list's previous page (for one parent).")
        .Reads(nameof(IRecord.Id));

    public static int First(IResolveContext context) => context.Argument<int>("first") is var first and >= 1 and <= ListRequest.MaxLimit
        ? first
        : throw new InvalidQueryException("first", $"Expected a whole number from 1 to {ListRequest.MaxLimit}.");

    /// <summary>The <c>after</c> cursor, refused here (on the field) when damaged or made for another list.</summary>
    public static Cursor? After(IResolveContext context, string sortName)
    {
        if (context.Argument<string?>("after") is not { } text) return null;
        var cursor = Cursor.Decode(text);
        return cursor.Sort == sortName && cursor.Value is not null
            ? cursor
            : throw new InvalidQueryException("after", "The cursor is not valid here; use an endCursor of this list.");
    }

    /// <summary>Newest first by creation: the order of every nested record list but activities.</summary>
    public static SortKey<T, DateTime> NewestCreated<T>() where T : CrmRecord => Newest<T>.Created;

    private static class Newest<T> where T : CrmRecord
    {
        public static readonly SortKey<T, DateTime> Created = new("createdAt", x => x.CreatedAt);
    }
}

/// <summary>
/// A nested list of records under an owner (a deal's contacts): its loader's name, the records' type, which of them
/// belong to an owner, and their order. Made once with the schema, not per parent, so resolving the 100 parents of a
/// level builds no expression trees.
/// </summary>
public sealed record Relation<TOwner, TEntity, TDto>(
    string Name, RecordType<TEntity, TDto> Type, Expression<Func<TEntity, Guid, bool>> Belongs, SortKey<TEntity, DateTime> Sort)
    where TOwner : TenantEntity where TEntity : CrmRecord where TDto : IVersioned;
