using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.SupportRequests;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Web.Pages.Beneficiaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Beneficiaries;

/// <summary>
/// Issue 13: a file with hundreds of requests shows the latest few (with their registrations and letters) and the
/// latest contacts, each with a "show all" link; the link shows every one.
/// </summary>
[Collection(SharedApp.Files)]
public sealed class FileHistoryPagingTests(AppFactory factory)
{
    [Fact]
    public async Task File_page_shows_the_latest_requests_and_contacts_with_show_all_links_that_show_every_one()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.VerifiedAsync(factory, tenant);
        var extra = FileHistoryQueries.ShownRequests + 2;
        var numbers = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var request = await db.SupportRequests.SingleAsync(r => r.Id == arranged.RequestId);
            var made = new List<string> { request.Number };
            for (var i = 1; i <= extra; i++)
            {
                // Older copies of the request (the intake's own tests cover creating them).
                var copy = (SupportRequest)db.Entry(request).CurrentValues.ToObject();
                copy.Id = Guid.CreateVersion7();
                copy.Number = $"{request.Number}-{i:00}";
                copy.IdempotencyKey = Guid.NewGuid();
                copy.CreatedAtUtc = request.CreatedAtUtc.AddDays(-i);
                db.SupportRequests.Add(copy);
                made.Add(copy.Number);
            }

            for (var i = 0; i < DetailsModel.ShownContacts + 1; i++)
            {
                db.Contacts.Add(new Contact
                {
                    BeneficiaryId = arranged.BeneficiaryId,
                    Channel = ContactChannel.Phone,
                    Direction = ContactDirection.Incoming,
                    Type = ContactType.Inquiry,
                    Summary = $"اتصال رقم {i}",
                    OccurredAtUtc = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddHours(i),
                    CreatedAtUtc = DateTime.UtcNow,
                    StaffUserId = tenant.Admin.Id,
                    IdempotencyKey = Guid.NewGuid(),
                });
            }

            await db.SaveChangesAsync();
            return made;
        });
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var file = await admin.GetDocumentAsync($"/Beneficiaries/Details/{arranged.BeneficiaryId}");

        var shown = file.QuerySelectorAll("[data-testid=beneficiary-requests] li a.ltr").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(numbers.Take(FileHistoryQueries.ShownRequests), shown);   // newest first
        Assert.Equal(DetailsModel.ShownContacts, file.QuerySelectorAll("[data-testid=contact-timeline] [data-contact-id]").Length);
        Assert.Contains("عرض كل الطلبات", file.QuerySelector("[data-testid=all-requests]")!.TextContent);
        var all = await admin.GetDocumentAsync(file.QuerySelector("[data-testid=all-requests]")!.GetAttribute("href")!);
        Assert.Equal(file.QuerySelector("[data-testid=all-contacts]")!.GetAttribute("href")!.Split('#')[0],
            file.QuerySelector("[data-testid=all-requests]")!.GetAttribute("href")!.Split('#')[0]);

        Assert.Equal(numbers, all.QuerySelectorAll("[data-testid=beneficiary-requests] li a.ltr").Select(a => a.TextContent.Trim()).ToList());
        Assert.Equal(DetailsModel.ShownContacts + 1, all.QuerySelectorAll("[data-testid=contact-timeline] [data-contact-id]").Length);
        Assert.Null(all.QuerySelector("[data-testid=all-requests]"));
        Assert.Null(all.QuerySelector("[data-testid=all-contacts]"));
    }
}
