using System.Text.Json;
using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Batch;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>What an import needs of the record type it fills, without naming its entity, DTO and input types.</summary>
public interface IImportObject
{
    string ReadScope { get; }
    string WriteScope { get; }
    Type InputType { get; }

    /// <summary>The built-in upsert keys of the type (besides unique custom fields) and the field each needs mapped.</summary>
    IReadOnlyDictionary<string, string> NaturalKeys { get; }

    /// <summary>Runs the operations through <see cref="RecordBatch"/> in the open transaction: the type's own use cases.</summary>
    Task<List<BatchItemResult>> RunAsync(IServiceProvider services, IReadOnlyList<JsonElement> operations, CancellationToken ct);
}

public static class ImportObjects
{
    public static readonly IReadOnlyDictionary<string, IImportObject> ByName = new Dictionary<string, IImportObject>
    {
        ["contacts"] = new ImportObject<Contact, ContactDto, ContactInput, ContactUseCases>(ContactRecords.Type, new Dictionary<string, string> { ["email"] = "emails" }),
        ["companies"] = new ImportObject<Company, CompanyDto, CompanyInput, CompanyUseCases>(CompanyRecords.Type, new Dictionary<string, string> { ["domain"] = "domain" }),
        ["deals"] = new ImportObject<Deal, DealDto, DealInput, DealUseCases>(DealRecords.Type, new Dictionary<string, string>()),
        ["activities"] = new ImportObject<Activity, ActivityDto, ActivityInput, ActivityUseCases>(ActivityRecords.Type, new Dictionary<string, string>()),
    };

    private sealed class ImportObject<TEntity, TDto, TInput, TUseCases>(RecordType<TEntity, TDto> type, IReadOnlyDictionary<string, string> naturalKeys)
        : IImportObject
        where TEntity : CrmRecord where TDto : IVersioned, IRecord where TUseCases : notnull, IRecordUseCases<TInput, TDto>
    {
        public string ReadScope => type.ReadScope;
        public string WriteScope => type.WriteScope;
        public Type InputType => typeof(TInput);
        public IReadOnlyDictionary<string, string> NaturalKeys => naturalKeys;

        public Task<List<BatchItemResult>> RunAsync(IServiceProvider services, IReadOnlyList<JsonElement> operations, CancellationToken ct) =>
            services.GetRequiredService<RecordBatch>().RunInTransactionAsync(type, services.GetRequiredService<TUseCases>(), operations, ct);
    }
}
