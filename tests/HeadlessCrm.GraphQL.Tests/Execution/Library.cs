using System.Runtime.CompilerServices;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Types;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.GraphQL.Tests.Execution;

public enum Genre
{
    ScienceFiction,
    Poetry,
}

public sealed record Author(int Id, string Name);

public sealed record Book(int Id, string Title, int AuthorId, Genre Genre, decimal Price);

public sealed record Review(int BookId, int Stars);

public sealed record BookInput(string Title, int AuthorId, Genre Genre = Genre.Poetry);

/// <summary>A small in-memory library used by the execution tests; it counts batch calls so tests can assert batching.</summary>
public sealed class Library
{
    public List<Author> Authors { get; } = [new(1, "Ursula"), new(2, "Stanisław")];

    public List<Book> Books { get; } =
    [
        new(1, "The Dispossessed", 1, Genre.ScienceFiction, 12.50m),
        new(2, "Solaris", 2, Genre.ScienceFiction, 9.99m),
        new(3, "Earthsea", 1, Genre.Poetry, 7m),
    ];

    public List<Review> Reviews { get; } = [new(1, 5), new(1, 4), new(2, 3)];

    public List<IReadOnlyList<int>> AuthorBatches { get; } = [];

    public List<IReadOnlyList<int>> ReviewBatches { get; } = [];

    public List<string> Log { get; } = [];

    public Schema Schema => BuildSchema(new SchemaBuilder());

    public Schema BuildSchema(SchemaBuilder builder) => builder
        .Interface("Node", i => i.Field("id", "ID!"))
        .Enum<Genre>("Genre", e => e.Describe(Genre.Poetry, "Verse").Deprecate(Genre.ScienceFiction, "Say SF"))
        .Object<Author>("Author", t => t
            .Implements("Node")
            .Field("name", "String!", a => a.Name)
            .Field("books", "[Book!]!", a => Books.Where(b => b.AuthorId == a.Id)))
        .Object<Book>("Book", t => t
            .Description("A book")
            .Implements("Node")
            .Field("title", "String!", b => b.Title)
            .Field("genre", "Genre!", b => b.Genre)
            .Field("price", "Decimal!", b => b.Price)
            .Field("author", "Author!", f => f.Resolve(c => c.DataLoader<int, Author>("authorById", LoadAuthors).Load(c.Parent.AuthorId)))
            .Field("authorName", "String", f => f.Resolve(c => c.DataLoader<int, Author>("authorById", LoadAuthors).Load(c.Parent.AuthorId).Then(a => a?.Name)))
            .Field("reviews", "[Review!]!", f => f
                .ArgumentWithDefault("minStars", "Int", 0)
                .Resolve(c => c.GroupDataLoader<int, Review>("reviewsByBook", LoadReviews).Load(c.Parent.Id)
                    .Then(reviews => reviews.Where(r => r.Stars >= c.Argument<int>("minStars")).ToList())))
            .Field("secret", "String", f => f.Guard(c => c.User?.Identity?.IsAuthenticated == true, "Sign in to read secrets.", "UNAUTHENTICATED").Resolve(_ => "42"))
            .Field("failing", "String", f => f.Resolve(_ => throw new InvalidOperationException("database password is hunter2")))
            .Field("failingNonNull", "String!", f => f.Resolve(_ => throw new GraphQLException("Nope", "NOPE"))))
        .Object<Review>("Review", t => t.Field("stars", "Int!", r => r.Stars))
        .Union("SearchResult", u => u.Types("Book", "Author"))
        .InputObject<BookInput>("BookInput", i => i
            .Field("title", "String!")
            .Field("authorId", "Int!")
            .FieldWithDefault("genre", "Genre", Genre.Poetry))
        .InputObject("BookKey", i => i.OneOf().Field("id", "ID").Field("title", "String"))
        .Query(q => q
            .Field("book", "Book", f => f
                .Argument("id", "ID!")
                .Resolve(c => Books.FirstOrDefault(b => b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == c.Argument<string>("id"))))
            .Field("bookBy", "Book", f => f
                .Argument("key", "BookKey!")
                .Resolve(c => c.Argument<IReadOnlyDictionary<string, object?>>("key") is var key && key.TryGetValue("title", out var title)
                    ? Books.FirstOrDefault(b => b.Title == (string?)title)
                    : Books.FirstOrDefault(b => b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == (string?)key["id"])))
            .Field("books", "[Book!]!", f => f
                .Argument("genre", "Genre")
                .ArgumentWithDefault("first", "Int", 10)
                .ResolveAsync(async c =>
                {
                    await Task.Yield();
                    Log.Add("books");
                    var genre = c.Argument<Genre?>("genre");
                    return Books.Where(b => genre is null || b.Genre == genre).Take(c.Argument<int>("first")).ToList();
                }))
            .Field("search", "[SearchResult!]!", f => f
                .Argument("text", "String!")
                .Resolve(c => Books.Where(b => b.Title.Contains(c.Argument<string>("text"), StringComparison.OrdinalIgnoreCase)).Cast<object>()
                    .Concat(Authors.Where(a => a.Name.Contains(c.Argument<string>("text"), StringComparison.OrdinalIgnoreCase)))))
            .Field("node", "Node", f => f.Argument("id", "ID!").Resolve(c => c.Argument<string>("id") == "a1" ? Authors[0] : Books[0]))
            .Field("echo", "String", f => f.Argument("text", "String").Resolve(c => c.HasArgument("text") ? c.Argument<string?>("text") ?? "<null>" : "<absent>"))
            .Field("when", "DateTime", f => f.Argument("at", "DateTime!").Resolve(c => c.Argument<DateTimeOffset>("at").AddDays(1)))
            .Field("uuid", "UUID", _ => Guid.Parse("0190f5b8-8f1c-7cc3-9a35-0d4c0b5d7e21"))
            .Field("json", "JSON", f => f.Argument("value", "JSON").Resolve(c => c.Argument<object?>("value")))
            .Field("strings", "[String]!", _ => new object?[] { "a", null, "c" })
            .Field("nonNullStrings", "[String!]", _ => new object?[] { "a", null, "c" }))
        .Mutation(m => m
            .Field("addBook", "Book!", f => f
                .Argument("input", "BookInput!")
                .ResolveAsync(async c =>
                {
                    var input = c.Argument<BookInput>("input");
                    await Task.Delay(1);
                    var book = new Book(Books.Count + 1, input.Title, input.AuthorId, input.Genre, 1m);
                    Books.Add(book);
                    Log.Add($"add {input.Title}");
                    return book;
                })))
        .Subscription(s => s
            .Field("bookAdded", "Book!", f => f.Argument("count", "Int!").Subscribe(c => Stream(c.Argument<int>("count")))))
        .Build();

    private async IAsyncEnumerable<Book> Stream(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return Books[i % Books.Count];
        }
    }

    private Task<IReadOnlyDictionary<int, Author>> LoadAuthors(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        AuthorBatches.Add(ids);
        return Task.FromResult<IReadOnlyDictionary<int, Author>>(Authors.Where(a => ids.Contains(a.Id)).ToDictionary(a => a.Id));
    }

    private async Task<ILookup<int, Review>> LoadReviews(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        ReviewBatches.Add(ids);
        return Reviews.Where(r => ids.Contains(r.BookId)).ToLookup(r => r.BookId);
    }

    public static async Task<string> RunAsync(Schema schema, string query, IReadOnlyDictionary<string, object?>? variables = null, RequestContext? context = null, ExecutionOptions? options = null)
    {
        var result = await Executor.ExecuteAsync(new ExecutionArgs(schema, Parser.Parse(query))
        {
            Variables = variables,
            Context = context ?? new RequestContext(),
            Options = options ?? ExecutionOptions.Default,
        });
        return result.ToJson();
    }
}
