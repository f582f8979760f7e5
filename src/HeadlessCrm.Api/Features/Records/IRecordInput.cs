using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// The writable fields of a record type. One type serves create (the body) and update (the record's current fields
/// with a merge patch applied), so both go through the same checks.
/// </summary>
public interface IRecordInput<TEntity, TSelf> where TEntity : CrmRecord where TSelf : IRecordInput<TEntity, TSelf>
{
    /// <summary>The record's current writable fields, the base a merge patch applies to.</summary>
    static abstract TSelf From(TEntity entity);

    /// <summary>The custom field values as sent (checked against the definitions by <see cref="RecordWriter"/>).</summary>
    JsonObject? CustomFields { get; }

    /// <summary>Fills what a create may leave out (kind, stage, owner…).</summary>
    TSelf WithDefaults(Guid? callerMemberId);

    /// <summary>Field rules that need no database.</summary>
    void Check(RuleCheck check);
}
