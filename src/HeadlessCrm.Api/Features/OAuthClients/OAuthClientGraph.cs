using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.OAuthClients;

/// <summary>The workspace's OAuth applications in GraphQL (crm.admin), as REST's /api/v1/oauth-clients: a secret is shown once.</summary>
public static class OAuthClientGraph
{
    public const string TypeName = "OAuthClient";

    public static readonly Relay.NodeLoader Load = IdFields.NodeLoader<OAuthClientUseCases, OAuthClientDto>("oauthClient", (clients, id, ct) => clients.GetAsync(id, ct));

    public static SchemaBuilder AddOAuthClients(this SchemaBuilder builder) => builder
        .Enum<OAuthClientType>("OAuthClientType")
        .Object<OAuthClientDto>(TypeName, t => t
            .Description("An application registered in the workspace; its secret is never shown again after it is made.")
            .Implements("Node")
            .GlobalIdFields(TypeName, c => c.Id)
            .Field("clientId", "String!")
            .Field("name", "String!")
            .Field("type", "OAuthClientType!")
            .Field("allowedScopes", "[String!]!")
            .Field("redirectUris", "[String!]!")
            .Field("createdAt", "DateTime!")
            .Field("updatedAt", "DateTime!"))
        .Query(q => q.Field("oauthClients", "[OAuthClient!]", f => f
            .Description("The workspace's applications, without secrets (needs crm.admin).")
            .ResolveAsync(c => c.Service<OAuthClientUseCases>().ListAsync(c.CancellationToken))))
        .AddPayload<IssuedOAuthClientDto>("OAuthClientSecretPayload", t => t
            .Field("oauthClient", "OAuthClient", p => p.Record?.Client)
            .Field("clientSecret", "String", p => p.Record?.ClientSecret, "A confidential client's secret: shown only now."))
        .InputObject("CreateOAuthClientInput", i => i
            .Field("name", "String")
            .Field("type", "OAuthClientType", "CONFIDENTIAL for a server that keeps a secret; PUBLIC for a SPA or mobile app (PKCE).")
            .Field("allowedScopes", "[String!]", "The most the client may be granted.")
            .Field("redirectUris", "[String!]", "Where sign-ins may return to; a public client needs one."))
        .Mutation(m => m
            .Field("createOAuthClient", "OAuthClientSecretPayload", f => f
                .Description("Registers an application, as POST /api/v1/oauth-clients (needs crm.admin).")
                .Argument("input", "CreateOAuthClientInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<OAuthClientUseCases>().CreateAsync(RequestJson.Read<OAuthClientInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("rotateOAuthClientSecret", "OAuthClientSecretPayload", f => f
                .Description("Replaces a confidential client's secret; the old one stops at once (needs crm.admin).")
                .Argument("id", "ID!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<OAuthClientUseCases>().RotateSecretAsync(Id(c.Inner), c.CancellationToken))))
            .Field("deleteOAuthClient", "DeletePayload", f => f
                .Description("Deletes an application: its grants end and its access tokens stop working (needs crm.admin).")
                .Argument("id", "ID!")
                .ResolveAsync(c => Mutations.DeleteAsync(TypeName, c.Argument<string>("id"),
                    id => c.Service<OAuthClientUseCases>().DeleteAsync(id, c.CancellationToken)))));

    private static Guid Id(IResolveContext context) => GlobalId.Of(TypeName, context.Argument<string>("id"));
}
