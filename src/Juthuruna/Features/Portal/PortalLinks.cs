using Juthuruna.Common;
using Juthuruna.Data;
using Juthuruna.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Juthuruna.Features.Portal;

/// <summary>
/// The absolute address of a page of this association's portal, as messages to beneficiaries carry it:
/// <c>{Letters:PublicBaseUrl}/t/{slug}/{page}</c> (tracking, a survey, a complaint's follow-up).
/// </summary>
public sealed class PortalLinks(AppDbContext db, IOptions<LetterOptions> options)
{
    public async Task<string> ForAsync(string page, CancellationToken ct) =>
        PublicLinks.Portal(
            options.Value.PublicBaseUrl,
            await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId).Select(t => t.Slug).SingleAsync(ct),
            page);
}
