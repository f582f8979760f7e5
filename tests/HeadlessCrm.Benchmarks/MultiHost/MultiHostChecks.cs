using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HeadlessCrm.Benchmarks.Load;
using Npgsql;

namespace HeadlessCrm.Benchmarks.MultiHost;

/// <summary>What "two hosts behave as one system" means, checked against hosts A and B.</summary>
public sealed class MultiHostChecks(Uri a, Uri b, string owner, string clientId, string clientSecret, int rateLimit)
{
    public sealed record Check(string Name, bool Passed, string Detail);

    private readonly Dictionary<Uri, HttpClient> _clients = [];
    private string _token = "";

    public async Task<IReadOnlyList<Check>> RunAllAsync()
    {
        var checks = new List<Check> { await MigrationsRanOnceAsync() };
        (_token, _) = await TokenSource.RequestTokenAsync(a, clientId, clientSecret, CancellationToken.None);
        checks.Add(await TokenFromAWorksOnBAsync());
        checks.Add(await IdempotencyKeyReplaysAcrossHostsAsync());
        checks.Add(await WebhookDeliveredOnceAsync());
        checks.Add(await RateLimitIsSharedAsync());
        return checks;
    }

    private async Task<Check> MigrationsRanOnceAsync()
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT version), min(version), max(version) FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (rows, distinct) = (reader.GetInt64(0), reader.GetInt64(1));
        var expected = MultiHostCommand.MigrationCount;
        return new Check("migrations ran once", rows == expected && distinct == expected,
            $"both hosts raced on an empty database; schema_migrations has {rows} rows for {distinct} versions (V{reader.GetInt32(2)}–V{reader.GetInt32(3)}), expected {expected}");
    }

    private async Task<Check> TokenFromAWorksOnBAsync()
    {
        using var response = await Client(b).GetAsync("api/v1/contacts?limit=1");
        return new Check("a token from host A works on host B", response.StatusCode == HttpStatusCode.OK,
            $"token issued by A's /connect/token; GET /api/v1/contacts on B answered {(int)response.StatusCode}");
    }

    private async Task<Check> IdempotencyKeyReplaysAcrossHostsAsync()
    {
        var key = $"multihost-{Guid.NewGuid():N}";
        async Task<(HttpStatusCode Status, string Body, bool Replayed)> PostAsync(Uri host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/contacts")
            {
                Content = JsonContent.Create(new { firstName = "Multi", lastName = "Host", source = "other" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await Client(host).SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotent-Replayed"));
        }
        var first = await PostAsync(a);
        var replay = await PostAsync(b);
        var passed = first.Status == HttpStatusCode.Created && replay.Status == first.Status && replay.Body == first.Body && replay.Replayed;
        return new Check("an Idempotency-Key replayed on B returns A's response", passed,
            $"A: {(int)first.Status}; B: {(int)replay.Status}, same body {replay.Body == first.Body}, Idempotent-Replayed {replay.Replayed}");
    }

    private async Task<Check> WebhookDeliveredOnceAsync()
    {
        await using var receiver = WebhookReceiver.Start();
        using var subscribe = await Client(a).PostAsJsonAsync("api/v1/webhooks", new { targetUrl = receiver.Url, eventTypes = new[] { "contact.created" } });
        if (subscribe.StatusCode != HttpStatusCode.Created)
            return new Check("webhooks: each event delivered once", false, $"subscribing answered {(int)subscribe.StatusCode}: {await subscribe.Content.ReadAsStringAsync()}");
        const int Events = 6;
        for (var i = 0; i < Events; i++)
        {
            using var created = await Client(i % 2 == 0 ? a : b).PostAsJsonAsync("api/v1/contacts", new { firstName = "Hook", lastName = $"Target {i}" });
        }
        // Both hosts run delivery workers: wait for every event, then a little longer for any duplicate.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (receiver.DistinctEvents < Events && DateTime.UtcNow < deadline) await Task.Delay(250);
        await Task.Delay(TimeSpan.FromSeconds(3));
        return new Check("webhooks: each event delivered once", receiver.DistinctEvents == Events && receiver.Requests == Events,
            $"{Events} contacts created alternately on A and B; the receiver got {receiver.Requests} deliveries of {receiver.DistinctEvents} distinct events");
    }

    private async Task<Check> RateLimitIsSharedAsync()
    {
        var allowed = 0;
        int? remainingAtStart = null;
        var refusedBy = new HashSet<Uri>();
        for (var i = 0; i < rateLimit * 3 && refusedBy.Count < 2; i++)
        {
            var host = i % 2 == 0 ? a : b;
            using var response = await Client(host).GetAsync("api/v1/contacts?limit=1");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusedBy.Add(host);
                continue;
            }
            if (refusedBy.Count > 0) continue;
            allowed++;
            remainingAtStart ??= response.Headers.TryGetValues("RateLimit-Remaining", out var v) ? int.Parse(v.First(), System.Globalization.CultureInfo.InvariantCulture) + 1 : null;
        }
        // One bucket for both: the requests allowed are what was left in it (plus at most a token or two of refill),
        // not twice that.
        var passed = remainingAtStart is { } left && allowed <= left + 2 && refusedBy.Count == 2;
        return new Check("rate limits are shared", passed,
            $"limit {rateLimit}/min; {remainingAtStart} left at the start, {allowed} requests allowed alternating A/B, then 429 from {refusedBy.Count} host(s)");
    }

    private HttpClient Client(Uri host)
    {
        if (_clients.TryGetValue(host, out var existing)) return existing;
        var http = new HttpClient { BaseAddress = host };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return _clients[host] = http;
    }
}
