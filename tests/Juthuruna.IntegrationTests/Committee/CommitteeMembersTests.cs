using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Committee;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Committee;

[Collection(SharedApp.Files)]
public sealed class CommitteeMembersTests(AppFactory factory)
{
    private const string AddForm = "form[data-testid=add-member-form]";

    [Fact]
    public async Task Admin_adds_a_seat_with_hijri_dates_in_arabic_digits_and_sees_it_in_both_calendars()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var chair = tenant.User(StaffRoles.CommitteeChair);

        var response = await admin.SubmitFormAsync("/Admin/Committee", AddForm, new Dictionary<string, string>
        {
            ["Add.UserId"] = chair.Id.ToString(),
            ["Add.Role"] = nameof(CommitteeRole.Chair),
            ["Add.Calendar"] = "Hijri",
            ["Add.ActiveFrom"] = "١٤٤٧/٠٨/٠١",
            ["Add.ActiveTo"] = "1448-07-30",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var seat = await factory.QueryAsync(tenant.Id, db => db.CommitteeMembers.SingleAsync());
        Assert.Equal((chair.Id, CommitteeRole.Chair), (seat.UserId, seat.Role));
        Assert.Equal(Juthuruna.Common.Dates.DualDate.FromHijri(1447, 8, 1), seat.ActiveFrom);
        var page = await admin.GetDocumentAsync("/Admin/Committee");
        var row = page.QuerySelector($"[data-testid=member][data-user-id='{chair.Id}']")!;
        Assert.Contains("شعبان 1447 هـ", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("رئيس اللجنة", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_cannot_give_a_second_seat_on_overlapping_days_and_a_bad_date_is_kept_with_a_message()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var member = tenant.User(StaffRoles.CommitteeMember);
        await CommitteeHarness.SeatAsync(admin, member.Id, CommitteeRole.Member);

        var overlap = await admin.SubmitFormAsync("/Admin/Committee", AddForm, new Dictionary<string, string>
        {
            ["Add.UserId"] = member.Id.ToString(),
            ["Add.Role"] = nameof(CommitteeRole.Secretary),
            ["Add.Calendar"] = "Gregorian",
            ["Add.ActiveFrom"] = "2026-06-01",
        });
        var badDate = await admin.SubmitFormAsync("/Admin/Committee", AddForm, new Dictionary<string, string>
        {
            ["Add.UserId"] = member.Id.ToString(),
            ["Add.ActiveFrom"] = "أمس",
        });
        var notCommittee = await admin.SubmitFormAsync("/Admin/Committee", AddForm, new Dictionary<string, string>
        {
            ["Add.UserId"] = tenant.User(StaffRoles.RelationsOfficer).Id.ToString(),
        });

        Assert.Contains("لهذا الشخص عضوية قائمة", (await StaffClient.ParseAsync(overlap)).QuerySelector("[data-valmsg-for='Add.ActiveFrom']")!.TextContent, StringComparison.Ordinal);
        var bad = await StaffClient.ParseAsync(badDate);
        Assert.False(string.IsNullOrWhiteSpace(bad.QuerySelector("[data-valmsg-for='Add.ActiveFrom']")!.TextContent));
        Assert.Equal("أمس", bad.QuerySelector<IHtmlInputElement>("[name='Add.ActiveFrom']")!.Value);
        Assert.Contains("اختر موظفًا نشطًا", (await StaffClient.ParseAsync(notCommittee)).QuerySelector("[data-valmsg-for='Add.UserId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.CommitteeMembers.CountAsync()));
    }

    [Fact]
    public async Task Ended_seat_gives_no_vote_nor_minutes_in_a_later_session()
    {
        var c = await CommitteeHarness.CreateAsync(factory);
        var (sessionId, itemId, _) = await c.SessionWithItemOnAsync(factory, "2026-02-19", c.Chair, c.Secretary, c.Member);
        var page = await c.Admin.GetDocumentAsync("/Admin/Committee");

        // The end form offers today (in Hijri) as the last day: the seat ends before tomorrow's session.
        foreach (var user in new[] { c.Member, c.Secretary })
        {
            var form = page.QuerySelector<IHtmlFormElement>($"[data-user-id='{user.Id}'] form[data-testid=end-form]")!;
            Assert.Equal(HttpStatusCode.Redirect, (await c.Admin.SubmitAsync(form, "/Admin/Committee", new Dictionary<string, string>())).StatusCode);
        }

        Assert.Equal(new DateOnly(2026, 2, 18), await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeMembers.Where(m => m.UserId == c.Member.Id).Select(m => m.ActiveTo).SingleAsync()));
        var vote = await c.MemberClient.PostWithTokenAsync($"/Committee/Items/{itemId}?handler=Vote",
            new Dictionary<string, string> { ["Vote.Choice"] = nameof(VoteChoice.Approve), ["Vote.Reason"] = "مستحقة" });
        await Forbidden.AssertAsync(vote);
        var attendance = await c.SecretaryClient.PostWithTokenAsync($"/Committee/Sessions/Details/{sessionId}?handler=Attendance",
            new Dictionary<string, string> { ["Present"] = c.Chair.Id.ToString() });
        await Forbidden.AssertAsync(attendance);
        Assert.Equal(0, await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.CountAsync()));
        Assert.Equal(3, await factory.QueryAsync(c.Tenant.Id, db => db.SessionAttendees.CountAsync(a => a.SessionId == sessionId)));
    }
}
