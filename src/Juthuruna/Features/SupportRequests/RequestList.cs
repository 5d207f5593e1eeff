using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.SupportRequests;

/// <summary>Which requests the list holds: the open queue (the default), one state, or every state.</summary>
public enum RequestListScope
{
    Open = 0,
    All = 1,
}

/// <summary>
/// The requests list's filters (issue 16). <see cref="State"/> wins over <see cref="Scope"/>; the dates are the days
/// (Riyadh) the requests were opened, both included; <see cref="Search"/> is a request number, a national ID or iqama,
/// a mobile or a name.
/// </summary>
public sealed record RequestListFilter(
    RequestListScope Scope = RequestListScope.Open,
    RequestState? State = null,
    Guid? BranchId = null,
    ContactChannel? Channel = null,
    Guid? ServiceId = null,
    Guid? ResearcherId = null,
    DateOnly? OpenedFrom = null,
    DateOnly? OpenedTo = null,
    string? Search = null)
{
    public const int MaxSearch = 100;
}

/// <summary>
/// Where a page of the list starts or ends: the row's sort keys (queue order for the open queue; the day finished or
/// opened otherwise) and its id, which makes the key unique. Written into links as text.
/// </summary>
public sealed record RequestCursor(DateOnly? QueueOrder, DateTime At, Guid Id)
{
    private const char Separator = '~';

    public override string ToString() => string.Join(
        Separator,
        QueueOrder?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "",
        At.Ticks.ToString(CultureInfo.InvariantCulture),
        Id.ToString("N"));

    public static RequestCursor? Parse(string? text)
    {
        var parts = text?.Split(Separator);
        if (parts is not { Length: 3 })
        {
            return null;
        }

        DateOnly? queueOrder = null;
        if (parts[0].Length > 0)
        {
            if (!DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var order))
            {
                return null;
            }

            queueOrder = order;
        }

        return long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
               && Guid.TryParseExact(parts[2], "N", out var id)
            ? new RequestCursor(queueOrder, new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }
}

/// <summary>One row of the requests list and of its export.</summary>
public sealed record RequestListItem(
    Guid Id,
    string Number,
    RequestState State,
    Guid BeneficiaryId,
    string BeneficiaryName,
    string BeneficiaryFileNumber,
    Guid ServiceId,
    ContactChannel Channel,
    Guid? BranchId,
    long? AmountRequestedHalalas,
    DateTime CreatedAtUtc,
    DateOnly? DecisionDueOn,
    DateOnly? DecidedOn,
    DateTime UpdatedAtUtc,
    DateOnly? QueueOrder);

/// <param name="Previous">Where the previous page ends (null on the first page).</param>
/// <param name="Next">Where the next page starts (null on the last page).</param>
/// <param name="SearchTooBroad">The name typed matches more files than a list can follow: the user is asked for more of it.</param>
public sealed record RequestListPage(IReadOnlyList<RequestListItem> Items, RequestCursor? Previous, RequestCursor? Next, bool SearchTooBroad = false)
{
    public static RequestListPage Empty { get; } = new([], null, null);
}

/// <summary>
/// The requests list (issue 16): every state, filtered, searched and paged by keyset — page 500 reads what page 1
/// does — and exported row by row with the same filters. Three orders, each walked through an index that ends with
/// the id: the open queue by queue order (overdue and nearest due first; <c>IX_SupportRequests_Queue</c>), one finished
/// state by the day it finished, newest first (<c>IX_SupportRequests_Finished</c>), and every state by the day it was
/// opened, newest first (<c>IX_SupportRequests_Opened</c>).
/// </summary>
public sealed partial class RequestList(AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>A name search follows at most this many files; a name more files share asks for more of the name.</summary>
    public const int MaxFilesPerName = 500;

    /// <summary>An export holds at most this many rows (the filters narrow a larger one).</summary>
    public const int MaxExportRows = 200_000;

    private enum Order
    {
        Queue,
        Finished,
        Opened,
    }

    public async Task<RequestListPage> PageAsync(RequestListFilter filter, RequestCursor? after, RequestCursor? before, CancellationToken ct)
    {
        var (query, order, tooBroad) = await FilteredAsync(filter, ct);
        if (query is null)
        {
            return RequestListPage.Empty with { SearchTooBroad = tooBroad };
        }

        var backward = before is not null;
        var cursor = before ?? after;
        if (cursor is not null)
        {
            query = After(query, order, cursor, backward);
        }

        var rows = await Project(Sorted(query, order, backward).Take(PageSize + 1)).ToListAsync(ct);
        var more = rows.Count > PageSize;
        var items = rows.Take(PageSize).ToList();
        if (backward)
        {
            items.Reverse();
        }

        RequestCursor Key(RequestListItem r) => new(order == Order.Queue ? r.QueueOrder : null, order == Order.Finished ? r.UpdatedAtUtc : r.CreatedAtUtc, r.Id);
        return new RequestListPage(
            items,
            items.Count == 0 || (backward ? !more : after is null) ? null : Key(items[0]),
            items.Count == 0 || (!backward && !more) ? null : Key(items[^1]));
    }

    /// <summary>Every row the filters select, in the list's order, read as they are written out (at most <see cref="MaxExportRows"/>).</summary>
    public async IAsyncEnumerable<RequestListItem> ExportAsync(RequestListFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var (query, order, _) = await FilteredAsync(filter, ct);
        if (query is null)
        {
            yield break;
        }

        await foreach (var row in Project(Sorted(query, order, backward: false).Take(MaxExportRows)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    private async Task<(IQueryable<SupportRequest>? Query, Order Order, bool TooBroad)> FilteredAsync(RequestListFilter filter, CancellationToken ct)
    {
        var finished = filter.State is { } s && RequestWorkflow.FinalStates.Contains(s);
        var search = SearchOf(filter.Search);
        // The open queue keeps its order unless the list is of every state or of a finished one, or is narrowed by the
        // day opened or a search, whose answers are read newest first.
        var order = finished ? Order.Finished
            : filter.State is null && (filter.Scope == RequestListScope.All || filter.OpenedFrom is not null || filter.OpenedTo is not null || search is not null) ? Order.Opened
            : Order.Queue;
        var query = order switch
        {
            Order.Queue => db.SupportRequests.AsNoTracking().Where(r => r.QueueOrder != null),
            Order.Finished => db.SupportRequests.AsNoTracking().Where(r => r.QueueOrder == null),
            _ => filter.Scope == RequestListScope.All ? db.SupportRequests.AsNoTracking() : db.SupportRequests.AsNoTracking().Where(r => r.QueueOrder != null),
        };

        if (filter.State is { } state)
        {
            query = query.Where(r => r.State == state);
        }

        if (filter.BranchId is { } branch)
        {
            query = query.Where(r => r.BranchId == branch);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(r => r.Channel == channel);
        }

        if (filter.ServiceId is { } service)
        {
            query = query.Where(r => r.ServiceId == service);
        }

        if (filter.ResearcherId is { } researcher)
        {
            query = query.Where(r => r.ResearcherId == researcher);
        }

        if (filter.OpenedFrom is { } from)
        {
            var fromUtc = RiyadhMidnightUtc(from);
            query = query.Where(r => r.CreatedAtUtc >= fromUtc);
        }

        if (filter.OpenedTo is { } to)
        {
            var beforeUtc = RiyadhMidnightUtc(to.AddDays(1));
            query = query.Where(r => r.CreatedAtUtc < beforeUtc);
        }

        switch (search)
        {
            case null:
                break;
            case { Number: { } number }:
                query = query.Where(r => r.Number == number);
                break;
            case { Identity: { } identity }:
                query = query.Where(r => db.Beneficiaries.Any(b => b.Id == r.BeneficiaryId && b.IdentityNumber == identity));
                break;
            case { Mobile: { } mobile }:
                query = query.Where(r => db.Beneficiaries.Any(b => b.Id == r.BeneficiaryId && b.Mobile == mobile));
                break;
            case { Words: { } words }:
                // The files whose holder's name holds every word (the name-token index, as the beneficiaries search),
                // at most MaxFilesPerName of them: their requests are then read through (TenantId, BeneficiaryId, …).
                var files = NameTokenIndex.StartingWith(db, words[0]).Where(t => t.MemberId == null);
                foreach (var word in words.Skip(1))
                {
                    var tokens = NameTokenIndex.StartingWith(db, word);
                    files = files.Where(t => tokens.Any(o => o.BeneficiaryId == t.BeneficiaryId && o.MemberId == null));
                }

                var ids = await files.Select(t => t.BeneficiaryId).Distinct().Take(MaxFilesPerName + 1).ToListAsync(ct);
                if (ids.Count == 0 || ids.Count > MaxFilesPerName)
                {
                    return (null, order, ids.Count > MaxFilesPerName);
                }

                query = query.Where(r => ids.Contains(r.BeneficiaryId));
                break;
            default:
                // Digits that are no request number, ID or mobile: nothing matches.
                return (null, order, false);
        }

        return (query, order, false);
    }

    private static DateTime RiyadhMidnightUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddHours(-3), DateTimeKind.Utc);

    private static IQueryable<SupportRequest> After(IQueryable<SupportRequest> query, Order order, RequestCursor c, bool backward)
    {
        var at = c.At;
        var id = c.Id;
        switch (order)
        {
            case Order.Queue:
                var q = c.QueueOrder ?? DateOnly.MaxValue;
                return backward
                    ? query.Where(r => r.QueueOrder < q || (r.QueueOrder == q && (r.CreatedAtUtc < at || (r.CreatedAtUtc == at && r.Id.CompareTo(id) < 0))))
                    : query.Where(r => r.QueueOrder > q || (r.QueueOrder == q && (r.CreatedAtUtc > at || (r.CreatedAtUtc == at && r.Id.CompareTo(id) > 0))));
            case Order.Finished:
                return backward
                    ? query.Where(r => r.UpdatedAtUtc > at || (r.UpdatedAtUtc == at && r.Id.CompareTo(id) > 0))
                    : query.Where(r => r.UpdatedAtUtc < at || (r.UpdatedAtUtc == at && r.Id.CompareTo(id) < 0));
            default:
                return backward
                    ? query.Where(r => r.CreatedAtUtc > at || (r.CreatedAtUtc == at && r.Id.CompareTo(id) > 0))
                    : query.Where(r => r.CreatedAtUtc < at || (r.CreatedAtUtc == at && r.Id.CompareTo(id) < 0));
        }
    }

    private static IQueryable<SupportRequest> Sorted(IQueryable<SupportRequest> query, Order order, bool backward) => (order, backward) switch
    {
        (Order.Queue, false) => query.OrderBy(r => r.QueueOrder).ThenBy(r => r.CreatedAtUtc).ThenBy(r => r.Id),
        (Order.Queue, true) => query.OrderByDescending(r => r.QueueOrder).ThenByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id),
        (Order.Finished, false) => query.OrderByDescending(r => r.UpdatedAtUtc).ThenByDescending(r => r.Id),
        (Order.Finished, true) => query.OrderBy(r => r.UpdatedAtUtc).ThenBy(r => r.Id),
        (_, false) => query.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id),
        (_, true) => query.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id),
    };

    private IQueryable<RequestListItem> Project(IQueryable<SupportRequest> page) =>
        page.Join(db.Beneficiaries, r => r.BeneficiaryId, b => b.Id, (r, b) => new RequestListItem(
            r.Id, r.Number, r.State, b.Id, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName, b.FileNumber,
            r.ServiceId, r.Channel, r.BranchId, r.AmountRequestedHalalas, r.CreatedAtUtc, r.DecisionDueOn, r.DecidedOn, r.UpdatedAtUtc, r.QueueOrder));

    private sealed record SearchTerm(string? Number = null, string? Identity = null, string? Mobile = null, IReadOnlyList<string>? Words = null);

    /// <summary>What the search box holds: a request number (any zero padding), an ID or iqama, a mobile, or a name.</summary>
    private static SearchTerm? SearchOf(string? text)
    {
        var typed = UserText.SingleLine(Digits.ToAscii(text ?? "")).Trim().ToUpperInvariant();
        if (typed.Length == 0)
        {
            return null;
        }

        if (RequestNumber().Match(typed) is { Success: true } m)
        {
            return new SearchTerm(Number: $"{m.Groups[1].Value}-{m.Groups[2].Value}-{long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture):000000}");
        }

        if (!typed.Any(char.IsAsciiDigit))
        {
            return ArabicSearch.Tokens(typed) is { Count: > 0 } words ? new SearchTerm(Words: words) : null;
        }

        var compact = NationalId.Normalize(typed).ToUpperInvariant();
        if (compact.Length == 10 && compact.All(char.IsAsciiDigit) && compact[0] is '1' or '2')
        {
            return new SearchTerm(Identity: compact);
        }

        return SaudiMobile.TryNormalize(typed, out var e164) ? new SearchTerm(Mobile: e164) : new SearchTerm();
    }

    [GeneratedRegex(@"^([A-Z]{2,10})\s*-\s*(\d{4})\s*-\s*(\d{1,9})$")]
    private static partial Regex RequestNumber();
}
