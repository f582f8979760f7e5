namespace HeadlessCrm.Api.Infrastructure.Access;

/// <summary>Every OAuth scope the API knows: <c>crm.&lt;resource&gt;.read|write</c> plus a few for whole features.</summary>
public static class Scopes
{
    public const string ContactsRead = "crm.contacts.read";
    public const string ContactsWrite = "crm.contacts.write";
    public const string CompaniesRead = "crm.companies.read";
    public const string CompaniesWrite = "crm.companies.write";
    public const string DealsRead = "crm.deals.read";
    public const string DealsWrite = "crm.deals.write";
    public const string PipelinesRead = "crm.pipelines.read";
    public const string PipelinesWrite = "crm.pipelines.write";
    public const string ActivitiesRead = "crm.activities.read";
    public const string ActivitiesWrite = "crm.activities.write";
    public const string MembersRead = "crm.members.read";
    public const string ReportsRead = "crm.reports.read";
    public const string WebhooksManage = "crm.webhooks.manage";
    public const string Import = "crm.import";
    public const string Admin = "crm.admin";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [ContactsRead] = "Read contacts",
        [ContactsWrite] = "Create, change and archive contacts",
        [CompaniesRead] = "Read companies",
        [CompaniesWrite] = "Create, change and archive companies",
        [DealsRead] = "Read deals",
        [DealsWrite] = "Create, change, move and archive deals",
        [PipelinesRead] = "Read pipelines and their stages",
        [PipelinesWrite] = "Create and change pipelines and stages",
        [ActivitiesRead] = "Read activities and timelines",
        [ActivitiesWrite] = "Log activities and manage tasks",
        [MembersRead] = "Read the workspace's members and teams",
        [ReportsRead] = "Run reports",
        [WebhooksManage] = "Manage webhook subscriptions",
        [Import] = "Import and export data",
        [Admin] = "Administer the workspace: members, teams, clients",
    };

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)Descriptions.Keys;
}
