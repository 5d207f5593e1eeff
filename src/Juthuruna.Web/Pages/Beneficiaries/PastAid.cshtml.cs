using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Import;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Beneficiaries;

/// <summary>
/// The aid a file's household received before the association used this application, as imported from its records:
/// read-only history that the committee and the staff read beside the file (every association role, by the folder rule).
/// </summary>
public sealed class PastAidModel(BeneficiaryQueries beneficiaries, ImportQueries imports) : PageModel
{
    public Guid Id { get; private set; }

    public string FileNumber { get; private set; } = "";

    public IReadOnlyList<PastAidRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        // Found first: another association's id is 404 (EntityNotFoundException).
        FileNumber = await beneficiaries.GetFileNumberAsync(id, ct);
        Id = id;
        Rows = await imports.PastAidAsync(id, ct);
    }
}
