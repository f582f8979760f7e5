using System.Text;

namespace HeadlessCrm.Api.Tests.Import;

/// <summary>Creating an import, uploading its CSV and waiting until the background worker has run it.</summary>
public static class ImportClient
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient http, string importId, string csv, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (byteOrderMark) bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return await http.PutAsync($"/api/v1/imports/{importId}/file", content);
    }

    /// <summary>Creates the import, uploads the file (202) and returns the import once it has ended.</summary>
    public static async Task<JsonNode> ImportAsync(this HttpClient http, object job, string csv, bool byteOrderMark = false)
    {
        var created = await http.CreateAsync("/api/v1/imports", job);
        Assert.Equal("pending", created["status"]!.GetValue<string>());
        var upload = await http.UploadAsync(created.Id(), csv, byteOrderMark);
        await upload.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal($"/api/v1/imports/{created.Id()}", upload.Headers.Location?.ToString());
        return await EndedAsync(http, created.Id());
    }

    public static async Task<JsonNode> EndedAsync(HttpClient http, string importId)
    {
        for (var i = 0; i < 1200; i++)
        {
            var job = await http.GetJsonAsync($"/api/v1/imports/{importId}");
            if (job["status"]!.GetValue<string>() is "done" or "failed" or "cancelled") return job;
            await Task.Delay(100);
        }
        Assert.Fail("The import did not end within two minutes.");
        return null!;
    }

    public static async Task<string> ErrorsCsvAsync(this HttpClient http, string importId)
    {
        var response = await http.GetAsync($"/api/v1/imports/{importId}/errors.csv");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A 400 whose <c>columns</c> error names the column (keys are camel-cased by the framework, so the name is in the message).</summary>
    public static async Task ShouldBeColumnProblemAsync(this HttpResponseMessage response, string column)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "columns");
        Assert.Contains($"'{column}'", problem["errors"]!["columns"]![0]!.GetValue<string>());
    }

    public static (int Total, int Done, int Created, int Updated, int Failed) Counts(this JsonNode job) => (
        job["rowsTotal"]!.GetValue<int>(), job["rowsDone"]!.GetValue<int>(), job["created"]!.GetValue<int>(),
        job["updated"]!.GetValue<int>(), job["failed"]!.GetValue<int>());
}
