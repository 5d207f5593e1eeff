using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Registrations;

namespace Juthuruna.Web.Pages.Requests;

/// <summary>What a registered request has received so far: the request page and the delivery step show it alike.</summary>
public sealed record DeliveriesView(RegistrationItem Registration, IReadOnlyList<DeliveryItem> Rows, IReadOnlyDictionary<Guid, string> ServiceNames)
{
    public string ServiceName(Guid id) => ServiceNames.GetValueOrDefault(id, "—");

    public long DeliveredAmountHalalas => Rows.Sum(d => d.AmountHalalas ?? 0);
}
