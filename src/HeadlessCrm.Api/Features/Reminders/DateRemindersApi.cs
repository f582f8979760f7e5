using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Reminders;

public static class DateRemindersApi
{
    public static IEndpointRouteBuilder MapDateReminders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/date-reminders").WithTags("Reminders");

        group.MapGet("", async (DateReminderUseCases rules, CancellationToken ct) =>
                TypedResults.Ok(new Page<DateReminderDto>(await rules.ListAsync(ct), null)))
            .WithName("ListDateReminders").WithSummary("List important-date reminder rules")
            .RequireScope(Scopes.Admin);

        group.MapPost("", async (DateReminderInput body, DateReminderUseCases rules, CancellationToken ct) =>
            {
                var created = await rules.CreateAsync(body, ct);
                return TypedResults.Created($"/api/v1/date-reminders/{created.Id}", created);
            })
            .WithName("CreateDateReminder").WithSummary("Give a record's owner a task N days before one of its dates")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        group.MapDelete("/{id:guid}", async (Guid id, DateReminderUseCases rules, CancellationToken ct) =>
            {
                await rules.ArchiveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteDateReminder").WithSummary("Stop a date reminder rule")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Admin);

        return app;
    }
}
