using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.Api.Tests.Hosting;

/// <summary>
/// A request rents one pooled <see cref="CrmDbContext"/>, and its scope must hand it back exactly once: a context
/// returned twice can be rented by another request in between, which then fails with ObjectDisposedException (seen
/// under load as a 500 on POST /deals) or shares the context with a third request.
/// </summary>
public sealed class PooledContextTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task The_request_scope_owns_its_context_once_even_when_the_identity_tables_are_used_too()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IIdentityStore>();

        // The scope disposes every IDisposable it resolved: the store must not be the context a second time.
        Assert.False(store is IDisposable, "IIdentityStore resolves to a disposable: the scope would return the context twice");
        // It still works on the request's own context (one transaction, one connection for both).
        Assert.Empty(await store.SigningKeys.Where(k => k.Id == "no such key").ToListAsync());
        Assert.Same(context, store.SigningKeys.GetService<ICurrentDbContext>().Context);
    }
}
