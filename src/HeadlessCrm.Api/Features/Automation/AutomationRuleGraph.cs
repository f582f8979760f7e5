using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Automation;

/// <summary>Automation rules in GraphQL (crm.admin), as REST's /api/v1/automation-rules.</summary>
public static class AutomationRuleGraph
{
    public const string TypeName = "AutomationRule";

    public static SchemaBuilder AddAutomationRules(this SchemaBuilder builder) => builder
        .Object<AutomationRuleDto>(TypeName, t => t
            .Description("When an event happens (and a field of its record has a value), do these actions on the record.")
            .GlobalIdFields(TypeName, r => r.Id)
            .Field("name", "String!")
            .Field("trigger", "RuleTrigger!")
            .Field("actions", "[RuleAction!]!")
            .Field("createdAt", "DateTime!")
            .Field("updatedAt", "DateTime!"))
        .Object<RuleTriggerInput>("RuleTrigger", t => t
            .Field("eventType", "String!", f => f.Description("e.g. deal.stage_changed, contact.created, task.overdue, lead.captured."))
            .Field("field", "String", f => f.Description("A field of the event's record (customFields.tier for custom fields)."))
            .Field("equalTo", "String", f => f.Description("The value field must have, compared as text.")))
        .Object<RuleAction>("RuleAction", t => t
            .Field("type", "String!", f => f.Description("create_task, assign_owner, add_tag, set_field or emit_event."))
            .Field("subject", "String")
            .Field("dueInDays", "Int")
            .Field("ownerId", "UUID")
            .Field("teamId", "UUID")
            .Field("tag", "String")
            .Field("field", "String")
            .Field("value", "JSON", a => JsonValues.Of(a.Value))
            .Field("name", "String"))
        .Query(q => q.Field("automationRules", "[AutomationRule!]", f => f
            .Description("The workspace's live automation rules, oldest first (needs crm.admin).")
            .ResolveAsync(c => c.Service<AutomationRuleUseCases>().ListAsync(c.CancellationToken))))
        .AddPayload<AutomationRuleDto>(TypeName, "automationRule")
        .InputObject("RuleTriggerInput", i => i
            .Field("eventType", "String")
            .Field("field", "String", "Give field and equalTo together, or neither.")
            .Field("equalTo", "String"))
        .InputObject("RuleActionInput", i => i
            .Description("One action; which fields it takes depends on its type.")
            .Field("type", "String", "create_task (subject, dueInDays), assign_owner (ownerId, or teamId for round-robin), add_tag (tag), set_field (field, value) or emit_event (name).")
            .Field("subject", "String")
            .Field("dueInDays", "Int")
            .Field("ownerId", "UUID")
            .Field("teamId", "UUID")
            .Field("tag", "String")
            .Field("field", "String")
            .Field("value", "JSON")
            .Field("name", "String"))
        .InputObject("CreateAutomationRuleInput", i => i
            .Field("name", "String")
            .Field("trigger", "RuleTriggerInput")
            .Field("actions", "[RuleActionInput!]", "From 1 to 10 actions."))
        .Mutation(m => m
            .Field("createAutomationRule", "AutomationRulePayload", f => f
                .Description("Creates an automation rule, as POST /api/v1/automation-rules (needs crm.admin).")
                .Argument("input", "CreateAutomationRuleInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<AutomationRuleUseCases>().CreateAsync(
                    RequestJson.Read<AutomationRuleInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("deleteAutomationRule", "DeletePayload", f => f
                .Description("Stops an automation rule (needs crm.admin).")
                .Argument("id", "ID!")
                .ResolveAsync(c => Mutations.DeleteAsync(TypeName, c.Argument<string>("id"),
                    id => c.Service<AutomationRuleUseCases>().ArchiveAsync(id, c.CancellationToken)))));
}
