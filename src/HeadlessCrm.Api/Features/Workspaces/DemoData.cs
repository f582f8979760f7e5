using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Workspaces;

/// <summary>A handful of believable records so that a developer's first GET on a fresh local host returns something.</summary>
public sealed class DemoData(CrmDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(Guid workspaceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stages = await db.PipelineStages.Where(s => s.WorkspaceId == workspaceId).OrderBy(s => s.Position).ToListAsync(ct);

        var acme = new Company
        {
            Name = "Acme Robotics", Domain = "acme-robotics.example", Kind = CompanyKind.Customer, Industry = "Manufacturing",
            EmployeeCount = 420, Address = new Address { City = "Hamburg", Country = "DE", Latitude = 53.5511, Longitude = 9.9937 },
            Tags = ["enterprise"],
        };
        var globex = new Company
        {
            Name = "Globex Logistics", Domain = "globex.example", Kind = CompanyKind.Prospect, Industry = "Logistics",
            EmployeeCount = 85, Address = new Address { City = "Rotterdam", Country = "NL" },
        };
        db.Companies.AddRange(acme, globex);

        var ada = new Contact
        {
            FirstName = "Ada", LastName = "Lindqvist", Title = "Head of Operations", CompanyId = acme.Id,
            LifecycleStage = LifecycleStage.Customer, Source = SourceChannel.Referral, Birthday = new DateOnly(1984, 3, 14),
        };
        ada.SetEmails([new ContactEmail("ada.lindqvist@acme-robotics.example", "work", true)]);
        ada.SetPhones([new ContactPhone("+49 40 1234567", "work", true)]);
        var tom = new Contact
        {
            FirstName = "Tom", LastName = "Okafor", Title = "Procurement", CompanyId = globex.Id,
            LifecycleStage = LifecycleStage.Lead, Source = SourceChannel.WebForm,
        };
        tom.SetEmails([new ContactEmail("tom@globex.example", "work", true)]);
        db.Contacts.AddRange(ada, tom);

        var renewal = new Deal { Title = "Acme annual renewal", Amount = 48_000m, Currency = "EUR", CompanyId = acme.Id,
            ExpectedCloseDate = DateOnly.FromDateTime(now.AddDays(30)) };
        renewal.Enter(stages[3], null, now);
        renewal.Contacts.Add(new DealContact { DealId = renewal.Id, ContactId = ada.Id });
        var pilot = new Deal { Title = "Globex warehouse pilot", Amount = 12_500m, Currency = "EUR", CompanyId = globex.Id,
            ExpectedCloseDate = DateOnly.FromDateTime(now.AddDays(60)) };
        pilot.Enter(stages[0], null, now);
        pilot.Contacts.Add(new DealContact { DealId = pilot.Id, ContactId = tom.Id });
        db.Deals.AddRange(renewal, pilot);

        db.Activities.AddRange(
            new Activity { Type = ActivityType.Call, Subject = "Renewal kick-off", Direction = ActivityDirection.Outbound,
                DurationSeconds = 900, Outcome = "connected", OccurredAt = now.AddDays(-2), ContactId = ada.Id, CompanyId = acme.Id, DealId = renewal.Id },
            new Activity { Type = ActivityType.Task, Subject = "Send pilot proposal", DueAt = now.AddDays(3),
                ContactId = tom.Id, CompanyId = globex.Id, DealId = pilot.Id });
        await db.SaveChangesAsync(ct);
    }
}
