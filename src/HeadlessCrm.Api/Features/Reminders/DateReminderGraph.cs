using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>Important-date reminder rules in GraphQL (crm.admin), as REST's /api/v1/date-reminders.</summary>
public static class DateReminderGraph
{
    public const string TypeName = "DateReminder";

    public static SchemaBuilder AddDateReminders(this SchemaBuilder builder) => builder
        .Object<DateReminderDto>(TypeName, t => t
            .Description("Gives a record's owner a task daysBefore one of its dates (a contract end, a birthday).")
            .GlobalIdFields(TypeName, r => r.Id)
            .Field("object", "String!", f => f.Description("contacts, companies or deals."))
            .Field("field", "String!", f => f.Description("A date field, or customFields.<key>."))
            .Field("daysBefore", "Int!")
            .Field("yearly", "Boolean!")
            .Field("subjectTemplate", "String!")
            .Field("createdAt", "DateTime!")
            .Field("updatedAt", "DateTime!"))
        .Query(q => q.Field("dateReminders", "[DateReminder!]", f => f
            .Description("The workspace's live date reminder rules, oldest first (needs crm.admin).")
            .ResolveAsync(c => c.Service<DateReminderUseCases>().ListAsync(c.CancellationToken))))
        .AddPayload<DateReminderDto>(TypeName, "dateReminder")
        .InputObject("CreateDateReminderInput", i => i
            .Field("object", "String", "contacts, companies or deals.")
            .Field("field", "String", "A date field of the record type, or customFields.<key>.")
            .Field("daysBefore", "Int", "0 to 365; defaults to 0.")
            .Field("yearly", "Boolean", "Every year on the date's day; defaults to true for birthday.")
            .Field("subjectTemplate", "String", "Defaults to \"{field} of {name} on {date}\"."))
        .Mutation(m => m
            .Field("createDateReminder", "DateReminderPayload", f => f
                .Description("Creates a date reminder rule, as POST /api/v1/date-reminders (needs crm.admin).")
                .Argument("input", "CreateDateReminderInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<DateReminderUseCases>().CreateAsync(
                    RequestJson.Read<DateReminderInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("deleteDateReminder", "DeletePayload", f => f
                .Description("Stops a date reminder rule (needs crm.admin).")
                .Argument("id", "ID!")
                .ResolveAsync(c => Mutations.DeleteAsync(TypeName, c.Argument<string>("id"),
                    id => c.Service<DateReminderUseCases>().ArchiveAsync(id, c.CancellationToken)))));
}
