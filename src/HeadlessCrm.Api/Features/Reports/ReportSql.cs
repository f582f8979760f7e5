using Npgsql;

namespace HeadlessCrm.Api.Features.Reports;

/// <summary>The parameters of one report statement: values go in as parameters, never into the SQL text.</summary>
public sealed class ReportSql
{
    private readonly List<NpgsqlParameter> _parameters = [];

    /// <summary>Adds a value and returns its placeholder (<c>@p3</c>).</summary>
    public string Param(object value)
    {
        var name = $"p{_parameters.Count}";
        _parameters.Add(new NpgsqlParameter(name, value));
        return "@" + name;
    }

    public object[] Parameters => [.. _parameters];
}
