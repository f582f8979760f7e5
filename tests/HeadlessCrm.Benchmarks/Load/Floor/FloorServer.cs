using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HeadlessCrm.Benchmarks.Load.Floor;

/// <summary>
/// <c>floor-server</c> (started by <see cref="HttpFloor"/>, not by hand): the least an ASP.NET Core host does per
/// request — Kestrel, routing, one endpoint writing a canned body — with nothing behind it: no authentication, no
/// database, no serialization. It listens where <c>ASPNETCORE_URLS</c> says.
/// </summary>
public static class FloorServer
{
    public static async Task<int> RunAsync(Options options)
    {
        var body = await File.ReadAllBytesAsync(options.Required("body"));
        var contentType = options.String("content-type", "application/json; charset=utf-8");
        options.RejectUnknown();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health/ready", () => Results.Ok());
        app.MapGet("/{**path}", (HttpContext http) =>
        {
            http.Response.Headers.ETag = "\"floor\"";
            return Results.Bytes(body, contentType);
        });
        await app.RunAsync();
        return 0;
    }
}
