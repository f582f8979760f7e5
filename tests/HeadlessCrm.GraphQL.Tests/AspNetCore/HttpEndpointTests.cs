using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HeadlessCrm.GraphQL.Pipeline;
using HeadlessCrm.GraphQL.Validation;

namespace HeadlessCrm.GraphQL.Tests.AspNetCore;

public class HttpEndpointTests
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private static HttpRequestMessage Post(string body, string accept = GraphQLResponse, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private static HttpRequestMessage Get(string query, string accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + query);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private static async Task<(HttpStatusCode Status, string? MediaType, string Body)> SendAsync(GraphQLTestServer server, HttpRequestMessage request)
    {
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_POSTed_query_answers_200_in_the_GraphQL_response_media_type()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var (status, mediaType, body) = await SendAsync(server, Post("""{"query":"query ($id: ID!) { book(id: $id) { title } }","variables":{"id":"1"}}"""));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(GraphQLResponse, mediaType);
        Assert.Equal("""{"data":{"book":{"title":"The Dispossessed"}}}""", body);
    }

    [Fact]
    public async Task Without_an_Accept_header_the_response_is_application_json()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ uuid }"}""", Encoding.UTF8, "application/json") };
        var (status, mediaType, _) = await SendAsync(server, request);
        Assert.Equal((HttpStatusCode.OK, "application/json"), (status, mediaType));
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Parse_and_validation_errors_are_400_only_for_the_GraphQL_response_media_type(string accept, HttpStatusCode expected)
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var (parseStatus, _, parseBody) = await SendAsync(server, Post("""{"query":"{ book("}""", accept));
        var (validationStatus, _, validationBody) = await SendAsync(server, Post("""{"query":"{ nope }"}""", accept));
        Assert.Equal((expected, expected), (parseStatus, validationStatus));
        Assert.StartsWith("""{"errors":[{"message":"Syntax Error""", parseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", validationBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_error_with_data_is_still_200()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var (status, _, body) = await SendAsync(server, Post("""{"query":"{ book(id: \"1\") { failing title } }"}"""));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"data\":{\"book\":{\"failing\":null", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_GET_query_reads_its_parameters_from_the_query_string()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var query = "query=" + Uri.EscapeDataString("query B($id: ID!) { book(id: $id) { title } }") + "&operationName=B&variables=" + Uri.EscapeDataString("""{"id":"2"}""");
        var (status, _, body) = await SendAsync(server, Get(query));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"data":{"book":{"title":"Solaris"}}}""", body);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_does_not_run()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var response = await server.Client.SendAsync(
            Get("query=" + Uri.EscapeDataString("mutation { addBook(input: {title: \"x\", authorId: 1}) { id } }")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Empty(server.Library.Log);
    }

    [Fact]
    public async Task Other_methods_get_405_with_the_allowed_ones()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Select(a => a.Trim()));
    }

    [Fact]
    public async Task Malformed_requests_are_400_and_unsupported_media_types_415_or_406()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(server, Post("{not json", "application/json"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(server, Post("""{"query": 42}""", "application/json"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(server, Get("query=" + Uri.EscapeDataString("{ uuid }") + "&variables=[1]"))).Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await SendAsync(server, Post("{ uuid }", contentType: "text/plain"))).Status);
        Assert.Equal(HttpStatusCode.NotAcceptable, (await SendAsync(server, Post("""{"query":"{ uuid }"}""", "text/html"))).Status);
    }

    [Fact]
    public async Task An_automatic_persisted_query_round_trip_works_over_GET_and_POST()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        const string query = "{ book(id: \"3\") { title } }";
        var extensions = $$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{PersistedQueries.Sha256(query)}}}"}}""";

        var (notFoundStatus, _, notFound) = await SendAsync(server, Get("extensions=" + Uri.EscapeDataString(extensions), "application/json"));
        Assert.Equal(HttpStatusCode.OK, notFoundStatus);
        Assert.Equal("""{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}""", notFound);

        var (registerStatus, _, _) = await SendAsync(server, Post($$$"""{"query":"{ book(id: \"3\") { title } }","extensions":{{{extensions}}}}"""));
        Assert.Equal(HttpStatusCode.OK, registerStatus);

        var (status, _, body) = await SendAsync(server, Get("extensions=" + Uri.EscapeDataString(extensions)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"data":{"book":{"title":"Earthsea"}}}""", body);
    }

    [Fact]
    public async Task Configured_limits_refuse_a_query_with_a_clear_error()
    {
        await using var server = await GraphQLTestServer.StartAsync(o => o.Engine = o.Engine with { Limits = new QueryLimits { MaxComplexity = 5 } });
        var (status, _, body) = await SendAsync(server, Post("""{"query":"{ books(first: 3) { title author { name } } }"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Query complexity 10 exceeds the maximum allowed complexity of 5.", body, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"MAX_COMPLEXITY_EXCEEDED\",\"limit\":5,\"measured\":10", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolvers_see_the_request_user()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var (_, _, body) = await SendAsync(server, Post("""{"query":"{ book(id: \"1\") { secret } }"}"""));
        Assert.Contains("\"code\":\"UNAUTHENTICATED\"", body, StringComparison.Ordinal);
    }
}
