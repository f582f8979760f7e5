using System.Globalization;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Http;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Inbound;

public static class WebFormsApi
{
    public static IEndpointRouteBuilder MapWebForms(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/forms").WithTags("Inbound");

        group.MapGet("", async (WebFormUseCases forms, CancellationToken ct) => TypedResults.Ok(new Page<WebFormDto>(await forms.ListAsync(ct), null)))
            .WithName("ListForms").WithSummary("List web forms")
            .RequireScope(Scopes.Admin);

        group.MapGet("/{id:guid}", async (Guid id, WebFormUseCases forms, CancellationToken ct) => TypedResults.Ok(await forms.GetAsync(id, ct)))
            .WithName("GetForm").WithSummary("Get a web form")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Admin);

        group.MapPost("", async (WebFormInput body, WebFormUseCases forms, CancellationToken ct) =>
            {
                var created = await forms.CreateAsync(body, ct);
                return TypedResults.Created($"/api/v1/forms/{created.Id}", created);
            })
            .WithName("CreateForm").WithSummary("Create a web form for lead capture (its key is public: it goes into the page)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        group.MapDelete("/{id:guid}", async (Guid id, WebFormUseCases forms, CancellationToken ct) =>
            {
                await forms.ArchiveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteForm").WithSummary("Retire a web form (its key stops working)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Admin);

        group.MapPost("/{key}/submissions", SubmitAsync)
            .WithName("SubmitForm").WithSummary("Submit a web form (no access token: the form key and the page's origin admit it)")
            .Accepts<Dictionary<string, string>>("application/json", "application/x-www-form-urlencoded")
            .Produces<SubmissionReceipt>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AllowAnonymous();

        group.MapMethods("/{key}/submissions", [HttpMethods.Options], PreflightAsync)
            .WithName("PreflightFormSubmission").WithSummary("CORS preflight for pages posting JSON")
            .ExcludeFromDescription()
            .AllowAnonymous();

        return app;
    }

    private static async Task<IResult> SubmitAsync(string key, HttpContext http, FormSubmissions submissions, CancellationToken ct)
    {
        var form = await submissions.FindAsync(key, ct);
        if (form is null) return Problems.Result(StatusCodes.Status404NotFound, "Not found", "No form has this key.");
        var origin = http.Request.Headers.Origin.ToString();
        if (!FormSubmissions.Allows(form, origin))
            return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden", "This form does not take submissions from this origin.");
        AllowOrigin(http, origin);

        var decision = await submissions.ThrottleAsync(form, ct);
        if (!decision.Allowed)
        {
            http.Response.Headers.RetryAfter = ((int)decision.Reset.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Problems.Result(StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This form takes {submissions.Options.Submissions} submissions per {submissions.Options.Window.TotalSeconds:0} seconds.");
        }

        var fields = await FormBody.ReadAsync(http.Request, submissions.Options.MaxBodyBytes, ct);
        if (fields is null)
            return Problems.Result(StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"Form submissions are limited to {submissions.Options.MaxBodyBytes} bytes.");
        if (!FormSubmissions.IsSpam(form, fields)) await submissions.SubmitAsync(form, fields, ct);
        return TypedResults.Accepted((string?)null, new SubmissionReceipt(true));
    }

    private static async Task<IResult> PreflightAsync(string key, HttpContext http, FormSubmissions submissions, CancellationToken ct)
    {
        var form = await submissions.FindAsync(key, ct);
        var origin = http.Request.Headers.Origin.ToString();
        if (form is null || !FormSubmissions.Allows(form, origin)) return TypedResults.NoContent();
        AllowOrigin(http, origin);
        http.Response.Headers.AccessControlAllowMethods = "POST";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        http.Response.Headers.AccessControlMaxAge = "600";
        return TypedResults.NoContent();
    }

    private static void AllowOrigin(HttpContext http, string origin)
    {
        if (string.IsNullOrEmpty(origin)) return;
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.Vary = "Origin";
    }
}
