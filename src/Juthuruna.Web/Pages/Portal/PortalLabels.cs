using Juthuruna.Features.SupportRequests;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>The request's states in the beneficiary's words, not the desk's.</summary>
public static class PortalLabels
{
    public static string State(RequestState state, IStringLocalizer l) => state switch
    {
        RequestState.Draft => l["Received; being registered"],
        RequestState.DocumentsReview => l["Your documents are being reviewed"],
        RequestState.ReturnedForCompletion => l["Waiting for documents from you"],
        RequestState.Verified => l["Documents complete; under study"],
        RequestState.UnderResearch => l["Under social study"],
        RequestState.AwaitingCommittee => l["Awaiting the committee's decision"],
        RequestState.Approved => l["Approved"],
        RequestState.Rejected => l["Not approved"],
        RequestState.Registered => l["Registered as a beneficiary"],
        RequestState.InService => l["Being served"],
        RequestState.Closed => l["Completed"],
        RequestState.Withdrawn => l["Withdrawn"],
        RequestState.Cancelled => l["Cancelled"],
        _ => state.ToString(),
    };

    public static string Document(DocumentStatus status, IStringLocalizer l) => status switch
    {
        DocumentStatus.Expired => l["Expired"],
        DocumentStatus.Mismatched => l["Does not match your data"],
        _ => l["Missing"],
    };
}
