using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HeadlessCrm.Api.Tests.Auth;

/// <summary>
/// The database's own wall between workspaces: even a query that forgets the application's filters, sent as the
/// application's role, sees and touches only the workspace the request is for.
/// </summary>
public sealed class RowLevelSecurityTests(CrmApi api) : IClassFixture<CrmApi>
{
    private string AppConnection => DatabaseRoles.From(api.ConnectionString, null).Application;

    private async Task<(TestWorkspace Mine, TestWorkspace Theirs)> TwoWorkspacesWithContactsAsync()
    {
        var mine = await api.NewWorkspaceAsync();
        var theirs = await api.NewWorkspaceAsync();
        await mine.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine" });
        await theirs.Http.CreateAsync("/api/v1/contacts", new { firstName = "Theirs" });
        return (mine, theirs);
    }

    [Fact]
    public async Task The_application_role_cannot_bypass_row_level_security()
    {
        await using var connection = new NpgsqlConnection(AppConnection);
        await connection.OpenAsync();
        await using var role = new NpgsqlCommand(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user", connection);
        await using var reader = await role.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        await reader.CloseAsync();

        await using var owned = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tableowner = current_user", connection);
        Assert.Equal(0L, await owned.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Raw_sql_as_the_application_sees_only_the_workspace_it_is_set_to()
    {
        var (mine, theirs) = await TwoWorkspacesWithContactsAsync();
        await using var connection = new NpgsqlConnection(AppConnection);
        await connection.OpenAsync();

        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM contacts"));
        await ScalarAsync(connection, $"SET app.workspace_id = '{mine.Id}'");
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM contacts"));
        Assert.Equal(0L, await ScalarAsync(connection, $"SELECT count(*) FROM contacts WHERE workspace_id = '{theirs.Id}'"));
        Assert.Equal(0L, await ScalarAsync(connection, $"SELECT count(*) FROM workspaces WHERE id = '{theirs.Id}'"));
        Assert.Equal(0, await NonQueryAsync(connection, $"UPDATE contacts SET first_name = 'Hijacked' WHERE workspace_id = '{theirs.Id}'"));

        var insert = await Assert.ThrowsAsync<PostgresException>(() => NonQueryAsync(connection,
            $"INSERT INTO contacts (workspace_id, id, lifecycle_stage, created_at, updated_at) VALUES ('{theirs.Id}', gen_random_uuid(), 'lead', now(), now())"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, insert.SqlState);
    }

    /// <summary>
    /// The host's pool prepares statements it sees often (ConnectionPoolDefaults): a connection holding prepared
    /// statements is reset without DISCARD ALL when it goes back to the pool. The workspace a request set on it must
    /// still be gone for the next one, while the prepared statements stay.
    /// </summary>
    [Fact]
    public async Task A_pooled_connection_with_prepared_statements_comes_back_without_the_last_workspace()
    {
        var (mine, _) = await TwoWorkspacesWithContactsAsync();
        await using var pool = NpgsqlDataSource.Create(ConnectionPoolDefaults.Apply(AppConnection + ";Maximum Pool Size=1"));

        object? backend;
        await using (var connection = await pool.OpenConnectionAsync())
        {
            for (var i = 0; i < 3; i++)
                Assert.Equal(1L, await ScalarAsync(connection, $"SET app.workspace_id = '{mine.Id}'; SELECT count(*) FROM contacts"));
            backend = await ScalarAsync(connection, "SELECT pg_backend_pid()");
            Assert.NotEqual(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_prepared_statements"));
        }

        await using (var connection = await pool.OpenConnectionAsync())
        {
            Assert.Equal(backend, await ScalarAsync(connection, "SELECT pg_backend_pid()"));
            Assert.NotEqual(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_prepared_statements"));
            Assert.Equal("", await ScalarAsync(connection, "SELECT coalesce(current_setting('app.workspace_id', true), '')"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM contacts"));
        }
    }

    [Fact]
    public async Task A_query_that_lifts_the_application_filters_still_stays_in_its_workspace()
    {
        var (mine, theirs) = await TwoWorkspacesWithContactsAsync();
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().ActAsSystem(mine.Id, Scopes.All);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();

        var everything = await db.Contacts.IgnoreQueryFilters().Select(c => c.WorkspaceId).Distinct().ToListAsync();
        Assert.Equal([mine.Id], everything);
        Assert.False(await db.Workspaces.IgnoreQueryFilters().AnyAsync(w => w.Id == theirs.Id));
    }

    /// <summary>
    /// Tables that carry a workspace yet are read before any workspace is known, by a client id or a token's hash:
    /// the authorization server's clients and grants (its codes and refresh tokens hang off a grant and carry no
    /// workspace of their own; docs/access-control.md). Every other one must have RLS.
    /// </summary>
    private static readonly string[] CredentialStores = ["oauth_clients", "oauth_grants"];

    [Fact]
    public async Task Every_table_that_holds_a_workspace_has_row_level_security_save_the_credential_stores()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p') AND NOT c.relrowsecurity
            ORDER BY c.relname
            """, connection);
        var unprotected = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) unprotected.Add(reader.GetString(0));
        }
        Assert.Equal(CredentialStores, unprotected);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<int> NonQueryAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
