using HeadlessCrm.GraphQL.Types;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.GraphQL.Benchmarks;

public enum OrderStatus
{
    Placed,
    Shipped,
    Delivered,
}

public sealed record Customer(int Id, string Name, string Email, string City, string Country, string Tier, DateTimeOffset Since, int Orders, decimal Spent, bool Active);

public sealed record Product(int Id, string Name, string Sku, string Category, decimal Price, int Stock);

public sealed record OrderLine(int ProductId, int Quantity, decimal Price);

public sealed record Order(
    int Id, string Number, OrderStatus Status, DateTimeOffset PlacedAt, decimal Total, string Currency, string? Note, int CustomerId,
    IReadOnlyList<OrderLine> Lines);

/// <summary>An in-memory shop, so the benchmarks measure the engine and nothing behind it.</summary>
public static class StoreSchema
{
    private static readonly Customer[] Customers = [.. Enumerable.Range(1, 20).Select(i => new Customer(
        i, $"Customer {i}", $"c{i}@example.com", "Lisbon", "PT", i % 3 == 0 ? "gold" : "silver",
        new DateTimeOffset(2020, 1, i, 0, 0, 0, TimeSpan.Zero), i * 3, i * 100.5m, i % 2 == 0))];

    private static readonly Product[] Products = [.. Enumerable.Range(1, 50).Select(i => new Product(i, $"Product {i}", $"SKU-{i:000}", "tools", 9.5m + i, i * 7))];

    private static readonly Order[] Orders = [.. Enumerable.Range(1, 100).Select(i => new Order(
        i, $"SO-{i:0000}", (OrderStatus)(i % 3), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i), 100m + i, "EUR",
        i % 4 == 0 ? "gift" : null, i % 20 + 1,
        [.. Enumerable.Range(0, 3).Select(l => new OrderLine((i + l) % 50 + 1, l + 1, 10m + l))]))];

    public static Schema Build() => new SchemaBuilder()
        .Enum<OrderStatus>("OrderStatus")
        .Object<Customer>("Customer", t => t
            .Field("id", "ID!", c => c.Id)
            .Field("name", "String!", c => c.Name)
            .Field("email", "String!", c => c.Email)
            .Field("city", "String!", c => c.City)
            .Field("country", "String!", c => c.Country)
            .Field("tier", "String!", c => c.Tier)
            .Field("since", "DateTime!", c => c.Since)
            .Field("orders", "Int!", c => c.Orders)
            .Field("spent", "Decimal!", c => c.Spent)
            .Field("active", "Boolean!", c => c.Active))
        .Object<Product>("Product", t => t
            .Field("id", "ID!", p => p.Id)
            .Field("name", "String!", p => p.Name)
            .Field("sku", "String!", p => p.Sku)
            .Field("category", "String!", p => p.Category)
            .Field("price", "Decimal!", p => p.Price)
            .Field("stock", "Int!", p => p.Stock))
        .Object<OrderLine>("OrderLine", t => t
            .Field("quantity", "Int!", l => l.Quantity)
            .Field("price", "Decimal!", l => l.Price)
            .Field("product", "Product!", f => f.Resolve(c => c.DataLoader<int, Product>("productById", LoadProducts).Load(c.Parent.ProductId))))
        .Object<Order>("Order", t => t
            .Field("id", "ID!", o => o.Id)
            .Field("number", "String!", o => o.Number)
            .Field("status", "OrderStatus!", o => o.Status)
            .Field("placedAt", "DateTime!", o => o.PlacedAt)
            .Field("total", "Decimal!", o => o.Total)
            .Field("currency", "String!", o => o.Currency)
            .Field("note", "String", o => o.Note)
            .Field("lines", "[OrderLine!]!", o => o.Lines)
            .Field("customer", "Customer!", f => f.Resolve(c => c.DataLoader<int, Customer>("customerById", LoadCustomers).Load(c.Parent.CustomerId))))
        .Query(q => q
            .Field("order", "Order", f => f.Argument("id", "ID!").Resolve(c => Orders[int.Parse(c.Argument<string>("id"), System.Globalization.CultureInfo.InvariantCulture) - 1]))
            .Field("orders", "[Order!]!", f => f
                .Argument("status", "OrderStatus")
                .ArgumentWithDefault("first", "Int", 20)
                .Resolve(c => Orders.Where(o => c.Argument<OrderStatus?>("status") is not { } s || o.Status == s).Take(c.Argument<int>("first")).ToList())))
        .Build();

    private static Task<IReadOnlyDictionary<int, Customer>> LoadCustomers(IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Customer>>(ids.Distinct().ToDictionary(id => id, id => Customers[id - 1]));

    private static Task<IReadOnlyDictionary<int, Product>> LoadProducts(IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Product>>(ids.Distinct().ToDictionary(id => id, id => Products[id - 1]));
}
