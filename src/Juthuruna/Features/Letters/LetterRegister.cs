using System.Globalization;
using System.Security.Cryptography;
using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Counters;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Juthuruna.Features.Letters;

/// <summary>
/// The correspondence register (سجل الصادر): issues letters once and keeps them. A letter's number is taken from a
/// per-association, per-Hijri-year counter in a short transaction that writes the entry as "printing"; the PDF is
/// printed outside any transaction and stored after. A print that fails leaves its entry spoiled with the reason,
/// so the register is gapless, and no write lock is held while Chromium prints (ADR 0012).
/// </summary>
public sealed class LetterRegister(
    AppDbContext db,
    IEnumerable<LetterTemplate> templates,
    LetterComposer composer,
    PdfRenderer renderer,
    TimeProvider clock,
    IOptions<LetterOptions> options,
    IStringLocalizer<SharedResource> l)
{
    public static readonly IReadOnlyList<string> Languages = ["ar", "en"];

    /// <summary>The desk, the manager and the administrator write to applicants; they also read the whole register.</summary>
    public static readonly IReadOnlyList<string> RequestLetterRoles = [StaffRoles.RelationsOfficer, StaffRoles.Manager, StaffRoles.TenantAdmin];

    /// <summary>Who may read the register and download its letters: the issuers and the committee's officers.</summary>
    public static readonly IReadOnlyList<string> ReaderRoles = [.. RequestLetterRoles, StaffRoles.CommitteeChair, StaffRoles.CommitteeSecretary];

    /// <summary>
    /// Letters about a request are the desk's, the manager's and the administrator's; the minutes are kept by the
    /// committee's secretary or chair seated on the session's day (ADR 0008), or the administrator.
    /// </summary>
    public async Task<bool> MayIssueAsync(LetterKind kind, Guid subjectId, Actor actor, CancellationToken ct)
    {
        if (Letter.SubjectOf(kind) == LetterSubject.Request)
        {
            return actor.Roles.Any(RequestLetterRoles.Contains);
        }

        var heldOn = await db.CommitteeSessions.AsNoTracking().Where(s => s.Id == subjectId).Select(s => (DateOnly?)s.HeldOn).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException(nameof(Committee.CommitteeSession), subjectId);
        return actor.Roles.Contains(StaffRoles.TenantAdmin)
            || MayIssueSessionLetters(actor, await Committee.CommitteeQueries.SeatAsync(db, actor.UserId, heldOn, ct));
    }

    /// <summary>
    /// <see cref="MayIssueAsync"/> for a session's letters (the minutes) when the caller already knows the seat the
    /// actor held on the session's day: the administrator, or the secretary or chair of that day.
    /// </summary>
    public static bool MayIssueSessionLetters(Actor actor, Committee.CommitteeRole? seatOnSessionDay) =>
        actor.Roles.Contains(StaffRoles.TenantAdmin) || Committee.CommitteeSeats.KeepsMinutes(seatOnSessionDay);

    public LetterTemplate Template(LetterKind kind) => templates.Single(t => t.Kind == kind);

    /// <summary>
    /// Issues <paramref name="kind"/> about <paramref name="subjectId"/>; the same key posted twice issues one letter.
    /// Throws <see cref="PdfRendererBusyException"/>, before any number is taken, when the renderer's queue is full.
    /// </summary>
    public async Task<RequestResult> IssueAsync(LetterKind kind, Guid subjectId, string language, Guid idempotencyKey, Actor actor, CancellationToken ct)
    {
        if (await IssuedWithKeyAsync(idempotencyKey, ct) is { } issued)
        {
            return RequestResult.Done(issued);
        }

        if (!Enum.IsDefined(kind))
        {
            return RequestResult.Fail("Kind", l["Choose the letter to issue."]);
        }

        return await IssueCoreAsync(kind, subjectId, language, null, idempotencyKey, actor, ct);
    }

    /// <summary>
    /// A correction: the letter written again from the file as it is now, under a new number that references the
    /// old one. The old letter stays in the register (and its verification page says it was replaced).
    /// </summary>
    public async Task<RequestResult> ReissueAsync(Guid letterId, Guid idempotencyKey, Actor actor, CancellationToken ct)
    {
        if (await IssuedWithKeyAsync(idempotencyKey, ct) is { } issued)
        {
            return RequestResult.Done(issued);
        }

        var old = await db.Letters.AsNoTracking().SingleOrDefaultAsync(x => x.Id == letterId, ct)
            ?? throw new EntityNotFoundException(nameof(Letter), letterId);
        if (old.Status != LetterStatus.Issued)
        {
            return RequestResult.Fail("", l["Only an issued letter can be corrected."]);
        }

        if (await db.Letters.AsNoTracking().Where(x => x.Replaces == letterId && x.Status != LetterStatus.Spoiled).Select(x => x.Number).FirstOrDefaultAsync(ct) is { } newer)
        {
            return RequestResult.Fail("", l["This letter was already corrected by letter no. {0}; correct that one instead.", newer]);
        }

        return await IssueCoreAsync(old.Kind, old.SubjectId, old.Language, old, idempotencyKey, actor, ct);
    }

    /// <summary>The letter with sample data on the association's current letterhead: not numbered, not stored.</summary>
    public async Task<byte[]> PreviewAsync(LetterKind kind, string language, CancellationToken ct)
    {
        var culture = CultureFor(language);
        using var _ = new CultureScope(culture);
        var draft = Template(kind).Sample();
        var head = await Letterhead.LoadAsync(db, ct);
        var today = DualDate.Today(clock);
        var number = Letter.FormatNumber(head.NumberPrefix, DualDate.ToHijri(today).Year, 0);
        var url = VerifyUrl("sample");
        var html = await composer.ComposeAsync(
            new LetterEnvelope(head, kind, number, today, draft.RecipientName, draft.Title, url, QrSvg(url), null, true, culture), draft);
        return await renderer.RenderAsync(html, culture.TwoLetterISOLanguageName, ct);
    }

    private async Task<RequestResult> IssueCoreAsync(LetterKind kind, Guid subjectId, string language, Letter? replaces, Guid idempotencyKey, Actor actor, CancellationToken ct)
    {
        if (!Languages.Contains(language))
        {
            return RequestResult.Fail("Language", l["Choose the letter's language."]);
        }

        var culture = CultureFor(language);
        DraftResult result;
        using (new CultureScope(culture))
        {
            result = await Template(kind).DraftAsync(db, subjectId, ct);
        }

        if (result.Draft is not { } draft)
        {
            return RequestResult.Fail("", result.Refusal!);
        }

        var head = await Letterhead.LoadAsync(db, ct);
        var today = DualDate.Today(clock);
        var year = DualDate.ToHijri(today).Year;
        var code = NewVerificationCode();
        var url = VerifyUrl(code);

        try
        {
            // A server without a working Chromium refuses before a number is taken.
            await renderer.EnsureStartedAsync(ct);
        }
        catch (PdfRendererUnavailableException)
        {
            return RequestResult.Fail("", l[PdfRendererUnavailableException.UserMessageKey]);
        }

        // A renderer with every slot printing and its queue full refuses here, before a number is taken
        // (PdfRendererBusyException, to the page: 429 "try again"), so a refused letter leaves no entry. The ticket
        // keeps this letter's place until its print ends.
        using var ticket = renderer.Admit();

        // 1. The number, in a short transaction of its own: the entry is written "printing" and committed, so the
        //    write lock (database-wide on SQLite) is held for two statements, never for the print.
        var letter = new Letter
        {
            Number = "",
            HijriYear = year,
            Kind = kind,
            Language = language,
            SubjectId = subjectId,
            RecipientName = draft.RecipientName,
            // A person is shown by initials only; a record addressed to no one (the minutes) names its committee.
            RecipientInitials = draft.Addressed ? Initials(draft.RecipientName) : draft.RecipientName,
            Title = draft.Title,
            IssuedOn = today,
            IssuedAtUtc = clock.GetUtcNow().UtcDateTime,
            IssuedBy = actor.UserId,
            Replaces = replaces?.Id,
            VerificationCode = code,
            IdempotencyKey = idempotencyKey,
            Status = LetterStatus.Printing,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await SpoilInterruptedAsync(ct);
            letter.Sequence = await TenantCounters.NextAsync(db, Letter.CounterPrefix + year.ToString(CultureInfo.InvariantCulture), ct);
            letter.Number = Letter.FormatNumber(head.NumberPrefix, year, letter.Sequence);
            db.Letters.Add(letter);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same form posted twice at once: the first post's letter is the answer; this number goes back.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (await IssuedWithKeyAsync(idempotencyKey, ct) is { } first)
                {
                    return RequestResult.Done(first);
                }

                throw;
            }

            await tx.CommitAsync(ct);
        }

        // From here the entry is changed by conditional updates only (see SpoilInterruptedAsync).
        db.ChangeTracker.Clear();

        // 2. The print, outside any transaction.
        byte[] pdf;
        try
        {
            string html;
            using (new CultureScope(culture))
            {
                html = await composer.ComposeAsync(
                    new LetterEnvelope(head, kind, letter.Number, today, draft.RecipientName, draft.Title, url, QrSvg(url), replaces?.Number, false, culture), draft);
            }

            pdf = await ticket.RenderAsync(html, language, ct);
        }
        catch (PdfRendererUnavailableException)
        {
            // The renderer has logged how to install Chromium; the user is told in their language.
            await SpoilAsync(letter, LetterSpoiledReason.PrinterUnavailable);
            return RequestResult.Fail("", l[PdfRendererUnavailableException.UserMessageKey]);
        }
        catch (TimeoutException)
        {
            await SpoilAsync(letter, LetterSpoiledReason.PrintTimedOut);
            return RequestResult.Fail("", l["The letter took too long to print. Please try again in a moment."]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await SpoilAsync(letter, LetterSpoiledReason.PrintFailed);
            throw;
        }
        catch (OperationCanceledException)
        {
            await SpoilAsync(letter, LetterSpoiledReason.Interrupted);
            throw;
        }

        // 3. The PDF, its hash and its public verification code, in a short transaction — only if the entry is still
        //    printing (an entry given up as interrupted stays spoiled; its PDF is not kept).
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        await using (var tx = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            var issued = await db.Letters.Where(x => x.Id == letter.Id && x.Status == LetterStatus.Printing)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, LetterStatus.Issued).SetProperty(x => x.Sha256, sha256).SetProperty(x => x.PdfBytes, pdf.Length), CancellationToken.None);
            if (issued == 0)
            {
                return RequestResult.Fail("", l["The letter was not issued because printing was interrupted. Please issue it again."]);
            }

            db.LetterPdfs.Add(new LetterPdf { LetterId = letter.Id, Content = pdf });
            db.LetterVerifications.Add(new LetterVerification { Code = code, TenantId = db.TenantId!.Value, LetterId = letter.Id });
            await db.SaveChangesAsync(CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }

        return RequestResult.Done(letter.Id);
    }

    /// <summary>
    /// How long an entry may stay "printing" before it is taken for a print the server never finished: far longer
    /// than any print may last (the renderer gives up after <see cref="LetterOptions.TimeoutSeconds"/>).
    /// </summary>
    public static readonly TimeSpan PrintingGivenUpAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A print that failed keeps its number, marked spoiled with the reason; the form's key is released, so the same
    /// form can be sent again and take the next number. Saved even when the caller has gone (no cancellation).
    /// </summary>
    private async Task SpoilAsync(Letter letter, LetterSpoiledReason reason) =>
        await db.Letters.Where(x => x.Id == letter.Id && x.Status == LetterStatus.Printing)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, LetterStatus.Spoiled).SetProperty(x => x.SpoiledReason, reason)
                .SetProperty(x => x.IdempotencyKey, Guid.NewGuid()), CancellationToken.None);

    /// <summary>Entries a stopped server left "printing" are spoiled, "interrupted", before the next number is taken.</summary>
    private async Task SpoilInterruptedAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - PrintingGivenUpAfter;
        var stale = await db.Letters.Where(x => x.Status == LetterStatus.Printing && x.IssuedAtUtc < before).Select(x => x.Id).ToListAsync(ct);
        foreach (var id in stale)
        {
            // One statement each: a fresh key per entry (the unique index on the form key).
            await db.Letters.Where(x => x.Id == id && x.Status == LetterStatus.Printing)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, LetterStatus.Spoiled).SetProperty(x => x.SpoiledReason, LetterSpoiledReason.Interrupted)
                    .SetProperty(x => x.IdempotencyKey, Guid.NewGuid()), ct);
        }
    }

    /// <summary>The letter a form's key already issued: the answer to the same form posted again.</summary>
    private Task<Guid?> IssuedWithKeyAsync(Guid idempotencyKey, CancellationToken ct) =>
        db.Letters.AsNoTracking().Where(x => x.IdempotencyKey == idempotencyKey).Select(x => (Guid?)x.Id).SingleOrDefaultAsync(ct);

    private string VerifyUrl(string code) => VerifyUrl(options.Value, code);

    /// <summary>The public verification address printed in a letter's QR code.</summary>
    public static string VerifyUrl(LetterOptions options, string code) => Common.PublicLinks.Verify(options.PublicBaseUrl, code);

    internal static CultureInfo CultureFor(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en" : "ar-SA");

    /// <summary>128 random bits, base64url: unguessable, and short enough for a small QR code.</summary>
    internal static string NewVerificationCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The first letter of the first and last names: <c>محمد عبدالله العتيبي</c> → <c>م. ع.</c></summary>
    internal static string Initials(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return "—";
        }

        var first = parts[0];
        var last = parts.Length > 1 ? parts[^1] : null;
        // "ال" is the article, not the family name's initial: العتيبي → ع.
        static string Initial(string word) => (word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 2 ? word[2] : word[0]) + ".";
        return last is null ? Initial(first) : $"{Initial(first)} {Initial(last)}";
    }

    /// <summary>The QR code of a verification address, as inline SVG (vector: sharp in print, no image to load).</summary>
    public static string QrSvg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>Sets the UI culture (the templates' localizer reads it) and puts the caller's back.</summary>
    private readonly struct CultureScope : IDisposable
    {
        private readonly CultureInfo _culture;
        private readonly CultureInfo _uiCulture;

        public CultureScope(CultureInfo culture)
        {
            _culture = CultureInfo.CurrentCulture;
            _uiCulture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
