using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>Personal access tokens in GraphQL (crm.admin), as REST's /api/v1/members/{id}/tokens: the token is shown once.</summary>
public static class PersonalTokenGraph
{
    public const string TypeName = "PersonalToken";

    public static SchemaBuilder AddPersonalTokens(this SchemaBuilder builder) => builder
        .Object<PersonalTokenDto>(TypeName, t => t
            .Description("A member's personal access token, without the token itself (shown only when it is made).")
            .GlobalIdFields(TypeName, p => p.Id)
            .Field("memberId", "UUID!")
            .Field("name", "String!")
            .Field("scopes", "[String!]!")
            .Field("createdAt", "DateTime!")
            .Field("expiresAt", "DateTime")
            .Field("lastUsedAt", "DateTime")
            .Field("revokedAt", "DateTime"))
        .Object<MemberDto>(MemberGraph.TypeName, t => t
            .Field("personalTokens", "[PersonalToken!]", f => f
                .Description("The member's personal access tokens, oldest first, without the tokens (needs crm.admin).")
                .ResolveAsync(c => c.Service<PersonalTokenUseCases>().ListAsync(c.Parent.Id, c.CancellationToken))))
        .InputObject("IssuePersonalTokenInput", i => i
            .Field("name", "String")
            .Field("scopes", "[String!]", "At most the scopes the member's role allows.")
            .Field("expiresAt", "DateTime", "In the future; never expires when left out."))
        .AddPayload<IssuedPersonalTokenDto>("IssuePersonalTokenPayload", t => t
            .Field("personalToken", "PersonalToken", p => p.Record?.Details)
            .Field("token", "String", p => p.Record?.Token, "The bearer token (hcp_…): shown only now."))
        .AddPayload<PersonalTokenDto>(TypeName, "personalToken")
        .Mutation(m => m
            .Field("issuePersonalToken", "IssuePersonalTokenPayload", f => f
                .Description("Makes a personal access token for a member, as POST /api/v1/members/{id}/tokens (needs crm.admin).")
                .Argument("memberId", "ID!")
                .Argument("input", "IssuePersonalTokenInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<PersonalTokenUseCases>().IssueAsync(
                    GlobalId.Of(MemberGraph.TypeName, c.Argument<string>("memberId")),
                    RequestJson.Read<PersonalTokenInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("revokePersonalToken", "PersonalTokenPayload", f => f
                .Description("Revokes a personal access token, effective at once (needs crm.admin).")
                .Argument("memberId", "ID!")
                .Argument("id", "ID!")
                .ResolveAsync(c => Mutations.RunAsync(async () =>
                {
                    var tokens = c.Service<PersonalTokenUseCases>();
                    var memberId = GlobalId.Of(MemberGraph.TypeName, c.Argument<string>("memberId"));
                    var id = GlobalId.Of(TypeName, c.Argument<string>("id"));
                    await tokens.RevokeAsync(memberId, id, c.CancellationToken);
                    return (await tokens.ListAsync(memberId, c.CancellationToken)).Single(t => t.Id == id);
                }))));
}
