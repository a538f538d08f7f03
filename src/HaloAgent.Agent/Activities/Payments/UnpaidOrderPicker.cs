using System.Globalization;
using HaloAgent.Commerce.Payments;
using HaloAgent.Payments.References;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Which of a customer's unpaid orders a message is about: a tapped row (<c>pay:&lt;payment id&gt;</c>), our payment
/// reference or the order number written anywhere in it, or the position in the list we showed ("2").
/// </summary>
public static class UnpaidOrderPicker
{
    public const string RowPrefix = "pay:";

    public static PaymentView? Pick(IReadOnlyList<PaymentView> open, string? text, string? replyId, PaymentReferenceFormat format)
    {
        if (replyId is { } id && id.StartsWith(RowPrefix, StringComparison.Ordinal))
        {
            return open.FirstOrDefault(p => p.Id == id[RowPrefix.Length..]);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var references = format.FindIn(text);
        if (open.FirstOrDefault(p => references.Contains(p.Reference, StringComparer.Ordinal)) is { } byReference)
        {
            return byReference;
        }

        if (open.FirstOrDefault(p => text.Contains(p.OrderNumber, StringComparison.OrdinalIgnoreCase)) is { } byNumber)
        {
            return byNumber;
        }

        var trimmed = text.Trim().TrimEnd('.', ')');
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= open.Count
            ? open[position - 1]
            : null;
    }
}
