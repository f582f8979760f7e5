using System.Text.Json.Nodes;

namespace HeadlessCrm.Api.Features.Shared;

/// <summary>Records people label and extend: companies, contacts, deals.</summary>
public abstract class TaggedRecord : CrmRecord
{
    public string[] Tags { get; set; } = [];
    public JsonObject CustomFields { get; set; } = [];
}
