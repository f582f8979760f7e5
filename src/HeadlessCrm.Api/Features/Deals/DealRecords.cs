using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Deals;

/// <summary>Deals as a record type: public shape, filters (through company and contacts too), sorts, list parameters.</summary>
public static class DealRecords
{
    public static readonly FilterSchema<Deal> Filters = new FilterSchema<Deal>()
        .Field("id", d => d.Id)
        .Field("title", d => d.Title)
        .Field("amount", d => d.Amount)
        .Field("currency", d => d.Currency)
        .Field("pipelineId", d => d.PipelineId)
        .Field("stageId", d => d.StageId)
        .Field("status", d => d.Status)
        .Field("lostReason", d => d.LostReason)
        .Field("expectedCloseDate", d => d.ExpectedCloseDate)
        .Field("closedAt", d => d.ClosedAt)
        .Field("stageEnteredAt", d => d.StageEnteredAt)
        .Field("companyId", d => d.CompanyId)
        .One("company", d => d.Company, () => CompanyRecords.Filters)
        .Many("contacts", d => d.Contacts.Select(c => c.Contact!), () => ContactRecords.Filters)
        .Field("ownerId", d => d.OwnerId)
        .Tags("tags", d => d.Tags)
        .Field("createdAt", d => d.CreatedAt)
        .Field("updatedAt", d => d.UpdatedAt)
        .CustomFields("deals", d => d.CustomFields);

    public static readonly RecordType<Deal, DealDto> Type = new()
    {
        Name = "deal",
        Plural = "deals",
        ReadScope = Scopes.DealsRead,
        WriteScope = Scopes.DealsWrite,
        Projection = d => new DealDto
        {
            Id = d.Id,
            Title = d.Title,
            Amount = d.Amount,
            Currency = d.Currency,
            PipelineId = d.PipelineId,
            StageId = d.StageId,
            StageEnteredAt = d.StageEnteredAt,
            ExpectedCloseDate = d.ExpectedCloseDate,
            Status = d.Status,
            LostReason = d.LostReason,
            ClosedAt = d.ClosedAt,
            CompanyId = d.CompanyId,
            ContactIds = d.Contacts.Select(c => c.ContactId).ToList(),
            OwnerId = d.OwnerId,
            Tags = d.Tags,
            CustomFields = d.CustomFields,
            CreatedAt = d.CreatedAt,
            UpdatedAt = d.UpdatedAt,
            ArchivedAt = d.ArchivedAt,
            Version = d.Version,
        },
        Filters = Filters,
        // Its contacts (part of its shape) and its open stay in a stage (which a move closes).
        ForChange = deals => deals.Include(d => d.Contacts).Include(d => d.StageHistory.Where(h => h.LeftAt == null)),
        Sorts = new SortSchema<Deal>("-createdAt")
            .Key("createdAt", d => d.CreatedAt)
            .Key("updatedAt", d => d.UpdatedAt)
            .NullableKey("amount", d => d.Amount)
            .NullableKey("expectedCloseDate", d => d.ExpectedCloseDate)
            .CustomFields("deals", d => d.CustomFields),
        Parameters =
        [
            new("ownerId", "ownerId", FilterOperator.Eq, "Owned by this member (comma-separated: any of them)."),
            new("pipelineId", "pipelineId", FilterOperator.Eq, "In this pipeline."),
            new("stageId", "stageId", FilterOperator.Eq, "In this stage (comma-separated: any of them)."),
            new("status", "status", FilterOperator.Eq, "open, won or lost (comma-separated: any)."),
            new("companyId", "companyId", FilterOperator.Eq, "With this company."),
            new("currency", "currency", FilterOperator.Eq, "In this currency."),
            new("amountMin", "amount", FilterOperator.Gte, "Amount at least this."),
            new("amountMax", "amount", FilterOperator.Lte, "Amount at most this."),
            new("closeAfter", "expectedCloseDate", FilterOperator.Gte, "Expected to close on or after this date."),
            new("closeBefore", "expectedCloseDate", FilterOperator.Lte, "Expected to close on or before this date."),
            new("tag", "tags", FilterOperator.Contains, "Has this tag."),
            new("createdAfter", "createdAt", FilterOperator.Gte, "Created at or after this time."),
            new("createdBefore", "createdAt", FilterOperator.Lt, "Created before this time."),
            new("updatedAfter", "updatedAt", FilterOperator.Gte, "Updated at or after this time."),
            new("updatedBefore", "updatedAt", FilterOperator.Lt, "Updated before this time."),
        ],
    };
}
