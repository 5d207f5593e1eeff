using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Settings;

/// <summary>A day off of the association (Eid, national days…): not a working day for the decision window.</summary>
public sealed class TenantHoliday : ITenantOwned
{
    public const int MaxName = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}

public sealed record HolidayItem(Guid Id, DateOnly Date, string Name);

public sealed record SettingsView(int DecisionWindowDays, DecisionWindowMode Mode, IReadOnlyList<HolidayItem> Holidays, string DeclarationText, int DeclarationVersion)
{
    /// <summary>Members needed for the committee to decide; null = a majority of the active members.</summary>
    public int? CommitteeQuorum { get; init; }

    /// <summary>Calendar days to respond to a suggestion or complaint.</summary>
    public int ComplaintResponseDays { get; init; } = TenantSettings.DefaultComplaintResponseDays;
}

/// <summary>The association's own settings, edited by its administrator: decision window, holidays, declaration wording, committee.</summary>
public sealed class AssociationSettings(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxDecisionWindowDays = 90;
    public const int MaxCommitteeQuorum = 50;
    public const int MaxComplaintResponseDays = 60;

    public async Task<SettingsView> GetAsync(CancellationToken ct)
    {
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId).Select(t => t.Settings).SingleAsync(ct);
        var holidays = await db.TenantHolidays.AsNoTracking().OrderBy(h => h.Date).Take(500)
            .Select(h => new HolidayItem(h.Id, h.Date, h.Name)).ToListAsync(ct);
        var declaration = await db.DeclarationTemplates.AsNoTracking().OrderByDescending(t => t.Version)
            .Select(t => new { t.Text, t.Version }).FirstOrDefaultAsync(ct);
        return new SettingsView(settings.DecisionWindowDays, settings.DecisionWindowMode, holidays,
            declaration?.Text ?? DeclarationTemplate.DefaultText, declaration?.Version ?? 0)
        {
            CommitteeQuorum = settings.CommitteeQuorum,
            ComplaintResponseDays = settings.ComplaintResponseDays,
        };
    }

    /// <summary>Holidays from <paramref name="from"/> on, for counting working days.</summary>
    public static async Task<IReadOnlySet<DateOnly>> HolidaysFromAsync(AppDbContext db, DateOnly from, CancellationToken ct) =>
        (await db.TenantHolidays.AsNoTracking().Where(h => h.Date >= from).OrderBy(h => h.Date).Take(400).Select(h => h.Date).ToListAsync(ct)).ToHashSet();

    public async Task<IReadOnlyList<(string Field, string Message)>> UpdateDecisionWindowAsync(int days, DecisionWindowMode mode, CancellationToken ct)
    {
        if (days is < 1 or > MaxDecisionWindowDays)
        {
            return [("DecisionWindowDays", l["Enter a number of days from 1 to {0}.", MaxDecisionWindowDays])];
        }

        if (!Enum.IsDefined(mode))
        {
            return [("Mode", l["Choose how the days are counted."])];
        }

        // Tenants are platform rows: the administrator changes only the row of their own association.
        var tenant = await db.Tenants.SingleAsync(t => t.Id == db.TenantId, ct);
        tenant.Settings.DecisionWindowDays = days;
        tenant.Settings.DecisionWindowMode = mode;
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>The committee's quorum (null: a majority of the active members, the policy's default).</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> UpdateCommitteeAsync(int? quorum, CancellationToken ct)
    {
        var errors = new List<(string Field, string Message)>();
        if (quorum is < 1 or > MaxCommitteeQuorum)
        {
            errors.Add(("CommitteeQuorum", l["Enter a number of members from 1 to {0}, or leave it empty for a majority of the active members.", MaxCommitteeQuorum]));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == db.TenantId, ct);
        tenant.Settings.CommitteeQuorum = quorum;
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Applies to suggestions and complaints received from now on; those already received keep their due date.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> UpdateComplaintResponseAsync(int days, CancellationToken ct)
    {
        if (days is < 1 or > MaxComplaintResponseDays)
        {
            return [("ComplaintResponseDays", l["Enter a number of days from 1 to {0}.", MaxComplaintResponseDays])];
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == db.TenantId, ct);
        tenant.Settings.ComplaintResponseDays = days;
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<(string Field, string Message)>> AddHolidayAsync(DateOnly? date, string? name, CancellationToken ct)
    {
        if (date is not { } day)
        {
            return [("Date", l["Enter the holiday's date as dd/mm/yyyy."])];
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return [("Name", l["Enter the holiday's name."])];
        }

        if (!TextLimits.Fits(name, TenantHoliday.MaxName))
        {
            return [("Name", TextLimits.TooLong(l, TenantHoliday.MaxName))];
        }

        if (await db.TenantHolidays.AnyAsync(h => h.Date == day, ct))
        {
            return [("Date", l["This day is already a holiday."])];
        }

        db.TenantHolidays.Add(new TenantHoliday { Date = day, Name = name.Trim() });
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task RemoveHolidayAsync(Guid id, CancellationToken ct)
    {
        var holiday = await db.TenantHolidays.SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw new EntityNotFoundException(nameof(TenantHoliday), id);
        db.TenantHolidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A changed wording is a new version; declarations already signed keep the text they were signed with.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> UpdateDeclarationAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 20)
        {
            return [("DeclarationText", l["Write the declaration's full wording."])];
        }

        if (!TextLimits.Fits(text, DeclarationTemplate.MaxText))
        {
            return [("DeclarationText", TextLimits.TooLong(l, DeclarationTemplate.MaxText))];
        }

        var current = await GetAsync(ct);
        if (current.DeclarationText == text.Trim())
        {
            return [];
        }

        db.DeclarationTemplates.Add(new DeclarationTemplate { Version = current.DeclarationVersion + 1, Text = text.Trim(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return [];
    }
}
