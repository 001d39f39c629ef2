using System.Collections.Frozen;

namespace FollowUp.Rules;

/// <summary>
/// Which custom fields hold a number, told by their name: an amount (orderAmount, 订单金额, 优惠券面额), a quantity (qty, 件数) or
/// an order or tracking number (orderNo, 运单号). There digits alone (1598, 0) are the value itself; in a note, or in a field such
/// as afterSales, they say nothing. needs.budget and needs.quantity are read as values already, never as notes.
/// </summary>
internal static class NumberFields
{
    /// <summary>English words of a name (split at capitals, digits, _, - and spaces), in any case.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "amount", "price", "total", "subtotal", "sum", "fee", "fees", "cost", "budget", "discount", "deposit", "balance", "payment",
        "paid", "refund", "gmv", "value", "quantity", "qty", "count", "units", "pieces", "number", "num", "no", "id")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Chinese parts of a name, Simplified and Traditional: 金额, 单价, 定金, 件数, 运费, 预算, 尾款, 面额, 订单号.</summary>
    private static readonly string[] ChineseParts = ["价", "價", "金", "数", "數", "费", "費", "预算", "預算", "款", "额", "額", "号", "號"];

    /// <summary>Whether the custom field named <paramref name="name"/> holds a number.</summary>
    public static bool HoldsNumber(string name)
    {
        foreach (var part in ChineseParts)
        {
            if (name.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || IsWordStart(name, i))
            {
                var word = name.AsSpan(start, i - start).Trim("_- ");
                if (word.Length > 0 && Words.Contains(word))
                {
                    return true;
                }

                start = i;
            }
        }

        return false;
    }

    /// <summary>Whether a new word starts at <paramref name="i"/>: orderAmount, order_amount, ORDER_QTY, coupon2Value.</summary>
    private static bool IsWordStart(string name, int i) =>
        name[i] is '_' or '-' or ' '
        || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
        || (char.IsDigit(name[i]) != char.IsDigit(name[i - 1]));
}
