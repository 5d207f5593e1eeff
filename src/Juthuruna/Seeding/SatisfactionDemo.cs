using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Satisfaction;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.Seeding;

/// <summary>
/// Answered surveys of the last six months, across the association's services, channels and branches, so the
/// manager's results page has something to show. (The demo's closed request gets a real, unanswered invitation
/// from the delivery that closes it: its link is in the message in /dev/outbox.)
/// </summary>
internal static class SatisfactionDemo
{
    private static readonly string[] Comments =
    [
        "شكرًا لحسن الاستقبال وسرعة الرد.",
        "الانتظار في المكتب كان طويلًا بعض الشيء.",
        "أتمنى توضيح المستندات المطلوبة من البداية.",
        "تعامل راقٍ من الموظفة، جزاكم الله خيرًا.",
        "وصلتني المساعدة في وقتها، شكرًا لكم.",
    ];

    private static readonly ContactChannel[] Channels = [ContactChannel.InPerson, ContactChannel.Phone, ContactChannel.Website, ContactChannel.BranchRepresentative];

    public static async Task SeedAsync(TenantScopeFactory scopes, TimeProvider clock, Guid tenantId, CancellationToken ct)
    {
        await using var scope = scopes.BeginScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var services = await db.SupportServices.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Id).Take(4).ToListAsync(ct);
        var branches = await db.Branches.AsNoTracking().OrderBy(b => b.Code).Select(b => (Guid?)b.Id).ToListAsync(ct);
        branches.Add(null);
        if (services.Count == 0)
        {
            return;
        }

        var today = DualDate.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        // Fixed seed: the same demo every time.
        var random = new Random(1447);
        for (var i = 0; i < 36; i++)
        {
            int Rating(int lean) => Math.Clamp(lean + random.Next(-1, 2), SurveyResponse.MinRating, SurveyResponse.MaxRating);
            var service = i % services.Count;
            // Speed is rated lower than courtesy, and one service lower than the rest: something for the manager to see.
            var lean = service == 1 ? 3 : 4;
            db.SurveyResponses.Add(new SurveyResponse
            {
                ServiceId = services[service],
                Channel = Channels[i % Channels.Length],
                BranchId = branches[i % branches.Count],
                AnsweredMonth = thisMonth.AddMonths(-(i % 6)),
                Overall = Rating(lean),
                Courtesy = Rating(5),
                Speed = Rating(lean - 1),
                Clarity = Rating(lean),
                Comment = i % 4 == 0 ? Comments[i / 4 % Comments.Length] : null,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
