namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>What a custom field holds; decides how its values are checked, stored, filtered and sorted.</summary>
public enum CustomFieldType
{
    /// <summary>A string of up to 2000 characters.</summary>
    Text,
    /// <summary>A whole number.</summary>
    Number,
    /// <summary>Any decimal number.</summary>
    Decimal,
    /// <summary>A calendar date, <c>YYYY-MM-DD</c>.</summary>
    Date,
    /// <summary>An ISO-8601 timestamp, stored in UTC.</summary>
    Datetime,
    Boolean,
    /// <summary>One of the definition's options.</summary>
    SingleSelect,
    /// <summary>Several of the definition's options.</summary>
    MultiSelect,
    Url,
    Email,
    Phone,
}
