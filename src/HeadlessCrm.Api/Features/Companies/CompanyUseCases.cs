using System.Text.Json;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Companies;

/// <summary>Creating and changing companies (reads, archive and restore are the shared record use cases).</summary>
public sealed class CompanyUseCases(RecordWriter writer) : IRecordUseCases<CompanyInput, CompanyDto>
{
    public Task<CompanyDto> CreateAsync(CompanyInput input, CancellationToken ct) =>
        writer.CreateAsync(CompanyRecords.Type, input, i => new Company { Name = i.Name! }, Apply, ct);

    public Task<CompanyDto> UpdateAsync(Guid id, string? ifMatch, JsonElement patch, CancellationToken ct) =>
        writer.UpdateAsync<Company, CompanyDto, CompanyInput>(CompanyRecords.Type, id, ifMatch, patch, Apply, ct);

    private static Task Apply(CompanyInput input, Company company, CancellationToken ct)
    {
        input.ApplyTo(company);
        return Task.CompletedTask;
    }
}
