using System.Text.RegularExpressions;
using Juthuruna.Common.Saudi;
using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>Requests as the portal meets them, and the way a beneficiary signs in: number + identity number, then the SMS code.</summary>
public static partial class PortalArrange
{
    private static int _next = 7000;

    public sealed record Tracked(Guid RequestId, Guid BeneficiaryId, string Number, string IdentityNumber, string Mobile, Guid DocumentTypeId);

    /// <summary>A request returned for completion: its service requires one document, not yet provided.</summary>
    public static Task<Tracked> ReturnedAsync(AppFactory factory, TestTenant tenant) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var n = Interlocked.Increment(ref _next);
            var service = new SupportService { Code = $"P{n}", NameAr = $"مساعدة إيجار {n}", NameEn = $"Rent aid {n}" };
            var type = new DocumentType { Code = $"LEASE-{n}", NameAr = "عقد الإيجار", NameEn = "Lease contract" };
            var mobile = $"+9665{n:00000000}";
            var beneficiary = new Beneficiary
            {
                FileNumber = Beneficiary.FormatFileNumber(n),
                IdentityType = IdentityType.NationalId,
                IdentityNumber = TestBeneficiaries.NationalIdFor(n),
                FirstName = "مريم",
                FatherName = "سعد",
                GrandfatherName = "ناصر",
                FamilyName = "العتيبي",
                BirthDate = new DateOnly(1980, 5, 1),
                Nationality = "سعودية",
                Mobile = mobile,
                SearchKey = "مريم سعد ناصر العتيبي",
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            db.SupportServices.Add(service);
            db.DocumentTypes.Add(type);
            db.ServiceRequirements.Add(new ServiceRequirement { ServiceId = service.Id, DocumentTypeId = type.Id, IsMandatory = true });
            db.Beneficiaries.Add(beneficiary);
            await db.SaveChangesAsync();

            var officer = TestRequests.Actor(tenant, StaffRoles.RelationsOfficer);
            var requests = sp.GetRequiredService<RequestCommands>();
            var created = await requests.CreateAsync(
                new NewSupportRequest(beneficiary.Id, service.Id, null, Features.Contacts.ContactChannel.InPerson, "متأخرة عن سداد الإيجار", "2000", Guid.NewGuid()),
                officer, CancellationToken.None);
            var id = created.Id!.Value;
            foreach (var (trigger, note) in new[] { (RequestTrigger.Submit, (string?)null), (RequestTrigger.ReturnForCompletion, "ملاحظة داخلية: عقد الإيجار غير مرفق") })
            {
                var version = await db.SupportRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
                var result = await requests.TransitionAsync(id, trigger, version, note, officer, CancellationToken.None);
                Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            }

            var number = await db.SupportRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Number).SingleAsync();
            return new Tracked(id, beneficiary.Id, number, beneficiary.IdentityNumber, mobile, type.Id);
        });

    public static Task<HttpResponseMessage> LookUpAsync(StaffClient visitor, string slug, string number, string identity) =>
        visitor.SubmitFormAsync($"/t/{slug}/track", "form[data-testid=track-lookup]", new Dictionary<string, string>
        {
            ["Input.Number"] = number,
            ["Input.IdentityNumber"] = identity,
        });

    public static Task<HttpResponseMessage> EnterCodeAsync(StaffClient visitor, string codePage, string code) =>
        visitor.SubmitFormAsync(codePage, "form[data-testid=track-code]", new Dictionary<string, string> { ["Code"] = code });

    /// <summary>The code of the latest one-time-code SMS of the association, read from the outbox as the phone would.</summary>
    public static Task<string> LatestCodeAsync(AppFactory factory, TestTenant tenant) =>
        factory.QueryAsync(tenant.Id, async db =>
        {
            var body = await db.OutgoingMessages.AsNoTracking().Where(m => m.Kind == MessageKind.Otp)
                .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id).Select(m => m.Body).FirstAsync();
            return SixDigits().Match(body).Value;
        });

    /// <summary>Looks the request up, reads the SMS and types the code: the portal session of that request.</summary>
    public static async Task<string> SignInAsync(AppFactory factory, TestTenant tenant, StaffClient visitor, Tracked request)
    {
        var sent = await LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
        var codePage = sent.Headers.Location!.OriginalString;
        var signedIn = await EnterCodeAsync(visitor, codePage, await LatestCodeAsync(factory, tenant));
        Assert.Equal($"/t/{tenant.Slug}/track/request", signedIn.Headers.Location?.OriginalString);
        return codePage;
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
