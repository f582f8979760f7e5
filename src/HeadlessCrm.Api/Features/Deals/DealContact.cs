using HeadlessCrm.Api.Features.Contacts;

namespace HeadlessCrm.Api.Features.Deals;

/// <summary>A person involved in a deal.</summary>
public sealed class DealContact
{
    public Guid WorkspaceId { get; set; }
    public Guid DealId { get; set; }
    public Guid ContactId { get; set; }
    public DateTime CreatedAt { get; set; }
    public Contact? Contact { get; private set; }
    public Deal? Deal { get; private set; }
}
