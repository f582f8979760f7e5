namespace HeadlessCrm.Api.Features.Automation;

public sealed record RuleTriggerInput(string? EventType = null, string? Field = null, string? EqualTo = null);

public sealed record AutomationRuleInput(string? Name = null, RuleTriggerInput? Trigger = null, RuleAction[]? Actions = null);

public sealed record AutomationRuleDto(Guid Id, string Name, RuleTriggerInput Trigger, IReadOnlyList<RuleAction> Actions, DateTime CreatedAt, DateTime UpdatedAt);
