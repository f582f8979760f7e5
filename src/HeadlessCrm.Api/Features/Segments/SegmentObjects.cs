using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Filtering;

namespace HeadlessCrm.Api.Features.Segments;

/// <summary>What a segment needs of the record type it selects from, without naming its entity and DTO types.</summary>
public interface ISegmentObject
{
    string ReadScope { get; }
    string WriteScope { get; }

    /// <summary>Compiles the filter against the record type's fields (throws 400 naming the part it refuses).</summary>
    void Check(FilterNode filter, FilterContext context);

    Task<object> ListAsync(RecordReader reader, ListRequest request, CancellationToken ct);
    Task<int> CountAsync(RecordReader reader, ListRequest request, CancellationToken ct);
}

public static class SegmentObjects
{
    public static readonly IReadOnlyDictionary<string, ISegmentObject> ByName = new Dictionary<string, ISegmentObject>
    {
        ["contacts"] = new SegmentObject<Contact, ContactDto>(ContactRecords.Type),
        ["companies"] = new SegmentObject<Company, CompanyDto>(CompanyRecords.Type),
        ["deals"] = new SegmentObject<Deal, DealDto>(DealRecords.Type),
    };

    private sealed class SegmentObject<TEntity, TDto>(RecordType<TEntity, TDto> type) : ISegmentObject
        where TEntity : CrmRecord where TDto : IVersioned
    {
        public string ReadScope => type.ReadScope;
        public string WriteScope => type.WriteScope;

        public void Check(FilterNode filter, FilterContext context) => type.Filters.Compile(filter, context);

        public async Task<object> ListAsync(RecordReader reader, ListRequest request, CancellationToken ct) =>
            await reader.ListAsync(type, request, ct);

        public Task<int> CountAsync(RecordReader reader, ListRequest request, CancellationToken ct) => reader.CountAsync(type, request, ct);
    }
}
