using Juthuruna.Common.Dates;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Counters;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Portal;

/// <summary>The portal's application form, exactly as typed (digits may be Arabic-Indic): a refused form comes back unchanged.</summary>
public sealed class PortalApplicationForm
{
    public string? FullName { get; set; }
    public string? IdentityNumber { get; set; }
    public string? Mobile { get; set; }
    public CalendarKind BirthDateCalendar { get; set; } = CalendarKind.Hijri;
    public string? BirthDate { get; set; }
    public Guid? ServiceId { get; set; }
    public string? Description { get; set; }
    public bool ConsentToContact { get; set; }

    /// <summary>Generated when the form is shown: the same form posted twice opens one request.</summary>
    public Guid FormKey { get; set; }
}

public enum PortalApplicationOutcome
{
    Received = 1,
    Invalid = 2,

    /// <summary>
    /// The identity number already has a website application waiting for the officer: nothing is created, and its number
    /// is sent to the mobile registered on the file. The applicant is told no more than after <see cref="Received"/>
    /// (whoever types an identity number must not learn whether, or what, that person applied).
    /// </summary>
    AlreadyOpen = 3,

    /// <summary>Too many applications from this address within the hour (HTTP 429).</summary>
    TooMany = 4,
}

/// <param name="RequestNumber">
/// The new request's number, or the open one's when <see cref="PortalApplicationOutcome.AlreadyOpen"/>: for the record
/// and tests, never for the applicant's page (the number reaches the registered mobile only).
/// </param>
/// <param name="RetryAtUtc">When <see cref="PortalApplicationOutcome.TooMany"/>: when the next application will be accepted.</param>
public sealed record PortalApplicationResult(
    PortalApplicationOutcome Outcome,
    string? RequestNumber,
    IReadOnlyList<(string Field, string Message)> Errors,
    DateTime? RetryAtUtc = null)
{
    public static PortalApplicationResult Fail(IReadOnlyList<(string Field, string Message)> errors) => new(PortalApplicationOutcome.Invalid, null, errors);
}

/// <summary>
/// A beneficiary applies for support on the association's website, with no staff account: the request arrives as a
/// draft with channel Website in the officer's queue, through the desk's own <see cref="RequestCommands.CreateAsync"/>
/// (which also queues "request received" to the file's registered mobile).
/// </summary>
public sealed class PortalApplications(
    AppDbContext db,
    RequestCommands requests,
    PortalThrottle throttle,
    Outbox outbox,
    MessageTemplates templates,
    PortalLinks links,
    HouseholdOverlaps overlaps,
    Audit.CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    public async Task<PortalApplicationResult> ApplyAsync(PortalApplicationForm form, string client, CancellationToken ct)
    {
        // The audit trail records the portal, never a staff member.
        currentUser.UsePortal();

        // The same form posted twice: the first post's request is the answer (and is not counted again).
        if (form.FormKey != Guid.Empty
            && await db.SupportRequests.AsNoTracking().Where(r => r.IdempotencyKey == form.FormKey).Select(r => r.Number).SingleOrDefaultAsync(ct) is { } existing)
        {
            return new PortalApplicationResult(PortalApplicationOutcome.Received, existing, []);
        }

        var today = DualDate.Today(clock);
        var errors = await ValidateAsync(form, today, ct);
        if (errors.Count > 0)
        {
            return PortalApplicationResult.Fail(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Counted before the identity is looked at: probing identity numbers spends the same allowance.
        var verdict = await throttle.TryAsync(PortalLimits.Application, client, null, ct);
        if (!verdict.Allowed)
        {
            return new PortalApplicationResult(PortalApplicationOutcome.TooMany, null, [], verdict.RetryAtUtc);
        }

        var identityType = IdentityTypeOf(form.IdentityNumber);
        var identityNumber = IdentityNumbers.Normalize(form.IdentityNumber, identityType);
        SaudiMobile.TryNormalize(form.Mobile, out var mobile);
        DateEntry.TryParse(form.BirthDate, form.BirthDateCalendar, out var birthDate);
        var name = Squeeze(form.FullName);

        var beneficiaryId = await db.Beneficiaries.AsNoTracking().Where(b => b.IdentityNumber == identityNumber).Select(b => (Guid?)b.Id).SingleOrDefaultAsync(ct);
        if (beneficiaryId is { } known
            && await db.SupportRequests.AsNoTracking()
                .Where(r => r.BeneficiaryId == known && r.State == RequestState.Draft && r.Channel == ContactChannel.Website)
                .Join(db.Beneficiaries, r => r.BeneficiaryId, b => b.Id, (r, b) => new { r.Id, r.Number, r.CreatedAtUtc, b.Mobile, b.Email, b.NonEssentialMessagesOptOut })
                .OrderBy(x => x.CreatedAtUtc)
                .FirstOrDefaultAsync(ct) is { } open)
        {
            // Only the file's registered mobile hears which request is open (as tracking sends its codes), at most
            // once a day per request, so typing someone's identity number again and again cannot flood their phone.
            var eventKey = $"ApplicationAlreadyOpen:{open.Id}:{today:yyyy-MM-dd}";
            if (!await db.OutgoingMessages.AnyAsync(m => m.DedupKey.StartsWith(eventKey), ct))
            {
                outbox.Queue(
                    new MessageAddress(open.Mobile, open.Email, open.NonEssentialMessagesOptOut),
                    MessageKind.RequestReceived,
                    eventKey,
                    templates.ApplicationAlreadyOpen(open.Number, await links.ForAsync("track", ct)));
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // A parallel post queued today's message first (unique key): once is the point.
                    db.ChangeTracker.Clear();
                }
            }

            return new PortalApplicationResult(PortalApplicationOutcome.AlreadyOpen, open.Number, []);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (beneficiaryId is null)
        {
            var beneficiary = NewFile(name, identityType, identityNumber, birthDate, mobile, now);
            beneficiary.FileNumber = Beneficiary.FormatFileNumber(await TenantCounters.NextAsync(db, Beneficiary.FileNumberCounter, ct));
            db.Beneficiaries.Add(beneficiary);
            await db.SaveChangesAsync(ct);
            beneficiaryId = beneficiary.Id;
        }

        // What was typed stays with the request: for a known file the officer compares it with the stored data,
        // which the portal never changes.
        var asTyped = l["Sent from the association's website. As typed by the applicant: name: {0}; identity number: {1}; mobile: {2}; birth date: {3}; agreed to be contacted.",
            name, identityNumber, mobile, DualDate.Format(birthDate, System.Globalization.CultureInfo.GetCultureInfo("ar-SA"))].Value;
        // The applicant is not told (it is someone else's file); the officer is, before the family receives twice.
        if (await overlaps.FindAsync([identityNumber], beneficiaryId, ct) is { Count: > 0 } counted)
        {
            asTyped += " " + l["This identity number is already counted in another file: {0}. Check that the family does not receive twice.",
                string.Join("، ", counted.Select(c => c.FileNumber).Distinct())].Value;
        }
        var created = await requests.CreateAsync(
            new NewSupportRequest(beneficiaryId.Value, form.ServiceId!.Value, null, ContactChannel.Website, form.Description, null, form.FormKey == Guid.Empty ? Guid.NewGuid() : form.FormKey),
            Actor.Portal,
            ct,
            applicantNote: asTyped);
        if (!created.Succeeded)
        {
            return PortalApplicationResult.Fail(created.Errors);
        }

        await tx.CommitAsync(ct);
        var number = await db.SupportRequests.AsNoTracking().Where(r => r.Id == created.Id).Select(r => r.Number).SingleAsync(ct);
        return new PortalApplicationResult(PortalApplicationOutcome.Received, number, []);
    }

    /// <summary>A national ID starts with 1, an iqama with 2; anything else is checked (and refused) as a national ID.</summary>
    public static IdentityType IdentityTypeOf(string? typed) =>
        NationalId.Normalize(typed) is ['2', ..] ? IdentityType.Iqama : IdentityType.NationalId;

    /// <summary>
    /// "First Father … Family": the first name part is the first name, the second the father's, the last the family name
    /// and any parts between them the grandfather's (the officer corrects the split when completing the file). A part is
    /// a word, or a compound kept whole ("عبد الله", "أبو بكر", "بن سعد", "آل سعود"): see <see cref="NameParts"/>.
    /// </summary>
    public static (string First, string Father, string Grandfather, string Family) SplitName(string fullName)
    {
        var parts = NameParts(fullName);
        return parts.Count switch
        {
            0 => ("", "", "", ""),
            1 => (parts[0], "", "", ""),
            2 => (parts[0], "", "", parts[1]),
            3 => (parts[0], parts[1], "", parts[2]),
            _ => (parts[0], parts[1], string.Join(' ', parts.Skip(2).Take(parts.Count - 3)), parts[^1]),
        };
    }

    /// <summary>The typed words with each compound's first half (عبد، أبو، بن، ابن، آل، ال) kept with the word after it, as typed.</summary>
    public static IReadOnlyList<string> NameParts(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parts = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var part = words[i];
            while (ArabicSearch.IsCompoundPrefix(words[i]) && i + 1 < words.Length)
            {
                part += " " + words[++i];
            }

            parts.Add(part);
        }

        return parts;
    }

    private static Beneficiary NewFile(string name, IdentityType identityType, string identityNumber, DateOnly birthDate, string mobile, DateTime now)
    {
        var (first, father, grandfather, family) = SplitName(name);
        var beneficiary = new Beneficiary
        {
            FileNumber = "",
            IdentityType = identityType,
            IdentityNumber = identityNumber,
            FirstName = Cut(first),
            FatherName = Cut(father),
            GrandfatherName = Cut(grandfather),
            FamilyName = Cut(family),
            BirthDate = birthDate,
            // A national ID is a citizen's; an iqama holder's nationality is for the officer to record.
            Nationality = identityType == IdentityType.NationalId ? "سعودي" : "",
            Mobile = mobile,
            OpenedOnWebsite = true,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        beneficiary.SearchKey = ArabicSearch.Key(beneficiary.FullNameAr);
        return beneficiary;
    }

    private async Task<List<(string Field, string Message)>> ValidateAsync(PortalApplicationForm form, DateOnly today, CancellationToken ct)
    {
        var errors = new List<(string Field, string Message)>();
        var name = Squeeze(form.FullName);
        if (NameParts(name).Count < 3)
        {
            errors.Add((nameof(form.FullName), l["Enter your full name: first name, father's name and family name at least."]));
        }
        else if (!PersonNames.IsValid(name))
        {
            errors.Add((nameof(form.FullName), PersonNames.Message(l)));
        }
        else if (name.Length > MaxNameLength || SplitName(name) is var (f, fa, g, fm) && new[] { f, fa, g, fm }.Any(p => p.Length > 50))
        {
            errors.Add((nameof(form.FullName), l["This text is too long."]));
        }

        if (BeneficiaryFormValidator.IdentityProblem(form.IdentityNumber, IdentityTypeOf(form.IdentityNumber), l) is { } identityProblem)
        {
            errors.Add((nameof(form.IdentityNumber), identityProblem));
        }

        if (!SaudiMobile.TryNormalize(form.Mobile, out _))
        {
            errors.Add((nameof(form.Mobile), l["Enter a Saudi mobile number, e.g. 0551234567."]));
        }

        if (!Enum.IsDefined(form.BirthDateCalendar))
        {
            errors.Add((nameof(form.BirthDate), l["Enter the birth date."]));
        }
        else if (BeneficiaryFormValidator.BirthDateProblem(form.BirthDate, form.BirthDateCalendar, today, required: true, l) is { } dateProblem)
        {
            errors.Add((nameof(form.BirthDate), dateProblem));
        }

        if (form.ServiceId is not { } serviceId || !await db.SupportServices.AnyAsync(s => s.Id == serviceId && s.IsActive, ct))
        {
            errors.Add((nameof(form.ServiceId), l["Choose the service requested."]));
        }

        if (string.IsNullOrWhiteSpace(form.Description))
        {
            errors.Add((nameof(form.Description), l["Describe the need."]));
        }
        else if (form.Description.Length > MaxDescriptionLength)
        {
            errors.Add((nameof(form.Description), TextLimits.TooLong(l, MaxDescriptionLength)));
        }

        if (!form.ConsentToContact)
        {
            errors.Add((nameof(form.ConsentToContact), l["Agree to be contacted about your request: the officer needs to reach you to study it."]));
        }

        return errors;
    }

    // One line, no bidi controls, single spaces: the name as it is validated and stored.
    private static string Squeeze(string? value) => UserText.SingleLine(value ?? "");

    private static string Cut(string value) => value.Length > 50 ? value[..50] : value;
}
