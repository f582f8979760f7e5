using System.Text.Json;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>A record type's create and update, which <see cref="RecordEndpoints.MapRecordWrites{TEntity,TDto,TInput,TUseCases}"/> exposes.</summary>
public interface IRecordUseCases<in TInput, TDto>
{
    Task<TDto> CreateAsync(TInput input, CancellationToken ct);

    Task<TDto> UpdateAsync(Guid id, string? ifMatch, JsonElement patch, CancellationToken ct);
}
