using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Automation;

public static class AutomationRulesApi
{
    public static IEndpointRouteBuilder MapAutomationRules(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/automation-rules").WithTags("Automation");

        group.MapGet("", async (AutomationRuleUseCases rules, CancellationToken ct) =>
                TypedResults.Ok(new Page<AutomationRuleDto>(await rules.ListAsync(ct), null)))
            .WithName("ListAutomationRules").WithSummary("List automation rules")
            .RequireScope(Scopes.Admin);

        group.MapPost("", async (AutomationRuleInput body, AutomationRuleUseCases rules, CancellationToken ct) =>
            {
                var created = await rules.CreateAsync(body, ct);
                return TypedResults.Created($"/api/v1/automation-rules/{created.Id}", created);
            })
            .WithName("CreateAutomationRule").WithSummary("When an event happens (and a field has a value), create a task, assign the owner, set a field, add a tag or emit an event")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        group.MapDelete("/{id:guid}", async (Guid id, AutomationRuleUseCases rules, CancellationToken ct) =>
            {
                await rules.ArchiveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteAutomationRule").WithSummary("Stop an automation rule")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Admin);

        return app;
    }
}
