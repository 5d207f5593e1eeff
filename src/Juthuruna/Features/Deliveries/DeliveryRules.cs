namespace Juthuruna.Features.Deliveries;

/// <summary>When the approved services count as delivered, so the request closes (policy step 7).</summary>
public static class DeliveryRules
{
    /// <summary>
    /// Every approved service has at least one delivery, and when the committee approved an amount, the
    /// amounts delivered reach it. Partial deliveries add up until then.
    /// </summary>
    public static bool AllDelivered(IReadOnlyCollection<Guid> approvedServiceIds, long? approvedAmountHalalas, IReadOnlyCollection<(Guid ServiceId, long? AmountHalalas)> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return false;
        }

        var servicesCovered = approvedServiceIds.All(s => deliveries.Any(d => d.ServiceId == s));
        var amountReached = approvedAmountHalalas is not { } approved || deliveries.Sum(d => d.AmountHalalas ?? 0) >= approved;
        return servicesCovered && amountReached;
    }
}
