using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>Value types and enums several record types share.</summary>
public static class CommonTypes
{
    public static SchemaBuilder AddCommonTypes(this SchemaBuilder builder) => builder
        .Object<Address>("Address", t => t
            .Description("A postal address with an optional geo point.")
            .Field("street", "String")
            .Field("city", "String")
            .Field("region", "String")
            .Field("postalCode", "String")
            .Field("country", "String", f => f.Description("ISO 3166-1 alpha-2."))
            .Field("latitude", "Float")
            .Field("longitude", "Float"))
        .Object<UserError>("UserError", t => t
            .Description("Why a mutation was refused; field names the input field as REST's problem errors do.")
            .Field("field", "String", e => e.Field)
            .Field("message", "String!", e => e.Message)
            .Field("code", "String!", e => e.Code, "VALIDATION_FAILED, NOT_FOUND, CONFLICT, PRECONDITION_FAILED or BAD_USER_INPUT."))
        .Object<Payload<string>>("DeletePayload", t => t
            .Description("What a deletion answers: the global id of what is gone (null when refused), and why it was refused.")
            .Field("deletedId", "ID", p => p.Record)
            .Field("userErrors", "[UserError!]!", p => p.UserErrors, "Why the deletion was refused; empty on success."))
        .Enum<CompanyKind>("CompanyKind")
        .Enum<LifecycleStage>("LifecycleStage")
        .Enum<SourceChannel>("SourceChannel")
        .Enum<DealStatus>("DealStatus")
        .Enum<StageKind>("StageKind")
        .Enum<ActivityType>("ActivityType")
        .Enum<ActivityDirection>("ActivityDirection")
        .Enum<MemberRole>("MemberRole")
        .AddCommonInputs();

    /// <summary>Dates as ISO 8601 calendar dates (yyyy-MM-dd), as REST sends them.</summary>
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
