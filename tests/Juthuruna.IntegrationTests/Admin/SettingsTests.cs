using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Data;
using Juthuruna.Features.Settings;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Admin;

[Collection(SharedApp.Administration)]
public sealed class SettingsTests(AppFactory factory)
{
    [Fact]
    public async Task Settings_window_in_working_days_with_a_holiday_moves_the_due_date()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var window = await admin.SubmitFormAsync("/Admin/Settings", "form[data-testid=window-form]", new Dictionary<string, string>
        {
            ["Window.DecisionWindowDays"] = "١٠",
            ["Window.Mode"] = nameof(DecisionWindowMode.WorkingDays),
        });
        var holiday = await admin.SubmitFormAsync("/Admin/Settings", "form[data-testid=holiday-form]", new Dictionary<string, string>
        {
            ["Holiday.Name"] = "يوم التأسيس",
            ["Holiday.Calendar"] = "Gregorian",
            ["Holiday.Date"] = "22/02/2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, window.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, holiday.StatusCode);
        var settings = await factory.QueryAsync(tenant.Id, db => db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.Settings).SingleAsync());
        Assert.Equal(10, settings.DecisionWindowDays);
        Assert.Equal(DecisionWindowMode.WorkingDays, settings.DecisionWindowMode);
        var holidays = await factory.InTenantAsync(tenant.Id, sp => AssociationSettings.HolidaysFromAsync(sp.GetRequiredService<AppDbContext>(), new DateOnly(2026, 1, 1), CancellationToken.None));
        Assert.Equal([new DateOnly(2026, 2, 22)], holidays);
        // Verified Wed 18 Feb 2026: 10 working days without Fri/Sat and the 22nd end on Thursday 5 March.
        Assert.Equal(new DateOnly(2026, 3, 5), DecisionWindow.DueDate(new DateOnly(2026, 2, 18), 10, DecisionWindowMode.WorkingDays, holidays));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("abc")]
    public async Task Settings_window_out_of_range_shows_arabic_message_and_keeps_the_value(string days)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.SubmitFormAsync("/Admin/Settings", "form[data-testid=window-form]", new Dictionary<string, string> { ["Window.DecisionWindowDays"] = days });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for='Window.DecisionWindowDays']")!.TextContent));
        Assert.Equal(days, page.QuerySelector<IHtmlInputElement>("[name='Window.DecisionWindowDays']")!.Value);
        Assert.Equal(TenantSettings.DefaultDecisionWindowDays, await factory.QueryAsync(tenant.Id, db => db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.Settings.DecisionWindowDays).SingleAsync()));
    }

    [Fact]
    public async Task Settings_new_declaration_wording_is_a_new_version()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        const string wording = "أقر بصحة جميع البيانات والمستندات المقدمة وأتحمل المسؤولية الكاملة عنها.";

        await admin.SubmitFormAsync("/Admin/Settings", "form[data-testid=declaration-settings-form]", new Dictionary<string, string> { ["Declaration.DeclarationText"] = wording });
        await admin.SubmitFormAsync("/Admin/Settings", "form[data-testid=declaration-settings-form]", new Dictionary<string, string> { ["Declaration.DeclarationText"] = wording });

        var versions = await factory.QueryAsync(tenant.Id, db => db.DeclarationTemplates.Select(t => new { t.Version, t.Text }).ToListAsync());
        Assert.Equal(1, Assert.Single(versions).Version);
        Assert.Equal(wording, versions[0].Text);
    }

    private const string CommitteeForm = "form[data-testid=committee-settings-form]";

    private Task<int?> CommitteeSettingsAsync(TestTenant tenant) =>
        factory.QueryAsync(tenant.Id, db => db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.Settings.CommitteeQuorum).SingleAsync());

    [Fact]
    public async Task Settings_committee_quorum_is_saved_and_an_empty_quorum_means_majority()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var saved = await admin.SubmitFormAsync("/Admin/Settings", CommitteeForm, new Dictionary<string, string>
        {
            ["Committee.CommitteeQuorum"] = "٣",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(3, await CommitteeSettingsAsync(tenant));
        var page = await admin.GetDocumentAsync("/Admin/Settings");
        Assert.Equal("3", page.QuerySelector<IHtmlInputElement>("[name='Committee.CommitteeQuorum']")!.Value);
        // Decisions cite the approved policy documents: there is no version to type any more.
        Assert.Null(page.QuerySelector("[name='Committee.PolicyVersion']"));

        var majority = await admin.SubmitFormAsync("/Admin/Settings", CommitteeForm, new Dictionary<string, string> { ["Committee.CommitteeQuorum"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, majority.StatusCode);
        Assert.Null(await CommitteeSettingsAsync(tenant));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("ثلاثة")]
    public async Task Settings_invalid_committee_settings_come_back_with_the_message_and_change_nothing(string quorum)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.SubmitFormAsync("/Admin/Settings", CommitteeForm, new Dictionary<string, string>
        {
            ["Committee.CommitteeQuorum"] = quorum,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        const string field = "Committee.CommitteeQuorum";
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent));
        Assert.Matches("[\\u0600-\\u06FF]", page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        Assert.Equal(quorum, page.QuerySelector<IHtmlInputElement>("[name='Committee.CommitteeQuorum']")!.Value);
        // The other forms show the saved values, not empty ones.
        Assert.Equal(TenantSettings.DefaultDecisionWindowDays.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector<IHtmlInputElement>("[name='Window.DecisionWindowDays']")!.Value);
        Assert.Null(await CommitteeSettingsAsync(tenant));
    }

    [Fact]
    public async Task Settings_page_is_forbidden_to_other_roles()
    {
        var tenant = await factory.CreateTenantAsync();
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        await Forbidden.AssertAsync(await manager.Http.GetAsync("/Admin/Settings"));
    }

    [Fact]
    public async Task Settings_removing_another_associations_holiday_is_not_found_and_keeps_it()
    {
        var victim = await factory.CreateTenantAsync();
        var intruder = await factory.CreateTenantAsync();
        var holidayId = await factory.InTenantAsync(victim.Id, async sp =>
        {
            await sp.GetRequiredService<AssociationSettings>().AddHolidayAsync(new DateOnly(2026, 9, 23), "اليوم الوطني", CancellationToken.None);
            return await sp.GetRequiredService<AppDbContext>().TenantHolidays.Select(h => h.Id).SingleAsync();
        });
        using var admin = await factory.SignInAsync(intruder.Admin.Email);

        await TenantLeak.AssertPostNotFoundAsync(factory, admin, victim.Id, $"/Admin/Settings?handler=RemoveHoliday&holidayId={holidayId}",
            db => db.TenantHolidays.CountAsync());
    }
}
