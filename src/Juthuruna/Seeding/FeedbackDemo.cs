using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Feedback;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.Seeding;

/// <summary>
/// The demo association's suggestions and complaints: an overdue complaint (received by phone, past its due
/// date, so the list shows it highlighted), an answered suggestion from the portal, and a new one.
/// </summary>
public static class FeedbackDemo
{
    public static async Task SeedAsync(TenantScopeFactory scopes, Guid tenantId, string domain, CancellationToken ct)
    {
        await using var scope = scopes.BeginScope(tenantId);
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var desk = sp.GetRequiredService<FeedbackDesk>();
        var officerEmail = $"officer@{domain}".ToUpperInvariant();
        var officer = await db.Users.Where(u => u.NormalizedEmail == officerEmail).Select(u => u.Id).SingleAsync(ct);

        async Task<Guid> RecordAsync(FeedbackKind kind, FeedbackCategory category, ContactChannel channel, string subject, string text, string name, string mobile)
        {
            var result = await desk.RecordAsync(new FeedbackForm
            {
                Kind = kind,
                Category = category,
                Channel = channel,
                Subject = subject,
                Text = text,
                Name = name,
                Mobile = mobile,
                WantsReply = true,
                IdempotencyKey = Guid.NewGuid(),
            }, officer, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo feedback refused: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }

            return result.Id!.Value;
        }

        var overdue = await RecordAsync(FeedbackKind.Complaint, FeedbackCategory.Delays, ContactChannel.Phone,
            "تأخر الرد على طلب المساعدة", "تقدمت بطلب مساعدة منذ أكثر من شهر ولم يصلني أي رد حتى الآن رغم مراجعتي للجمعية مرتين.",
            "سعد بن محمد الدوسري", "0551234001");
        var answered = await RecordAsync(FeedbackKind.Suggestion, FeedbackCategory.WebsiteAndPortal, ContactChannel.Website,
            "إضافة خدمة تذكير بمواعيد الاستلام", "أقترح إرسال رسالة نصية قبل موعد استلام السلال الغذائية بيوم واحد.",
            "منيرة بنت عبدالله العمري", "0551234002");
        await RecordAsync(FeedbackKind.Complaint, FeedbackCategory.ServiceQuality, ContactChannel.InPerson,
            "ازدحام مكتب الاستقبال", "كان الانتظار في مكتب الاستقبال طويلًا يوم الأحد، وأرجو تنظيم المواعيد.",
            "عبدالرحمن بن علي الشمري", "0551234003");

        var version = await db.FeedbackItems.Where(f => f.Id == answered).Select(f => f.Version).SingleAsync(ct);
        var reply = await desk.AnswerAsync(answered,
            "نشكر لكم مقترحكم الكريم، وقد أُحيل إلى إدارة الخدمات لدراسته، وسيُعمل بالتذكير النصي اعتبارًا من الدورة القادمة بإذن الله.",
            version, officer, ct);
        if (!reply.Succeeded)
        {
            throw new InvalidOperationException("Demo feedback answer refused.");
        }

        // Received three weeks ago: its response date has passed while it is still open.
        var item = await db.FeedbackItems.SingleAsync(f => f.Id == overdue, ct);
        item.ReceivedAtUtc = item.ReceivedAtUtc.AddDays(-21);
        item.DueOn = item.DueOn.AddDays(-21);
        foreach (var line in await db.FeedbackEvents.Where(e => e.FeedbackItemId == overdue).ToListAsync(ct))
        {
            line.AtUtc = line.AtUtc.AddDays(-21);
        }

        await db.SaveChangesAsync(ct);
    }
}
