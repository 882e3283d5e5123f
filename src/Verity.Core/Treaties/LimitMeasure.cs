using System.Text.RegularExpressions;

namespace Verity.Core.Treaties;

/// <summary>
/// The measure tags a limit may carry, so limits of different drafts can be set side by side and projected from
/// the same estimates: the whole <c>stockpile</c>, <c>deployed-strategic</c>, <c>deployed-nonstrategic</c>,
/// <c>reserve</c>, <c>retired</c>, the <c>inventory</c> (stockpile + retired), or <c>launchers:TYPE</c>,
/// <c>missiles:TYPE</c>, <c>warheads:TYPE</c> for one system.
/// </summary>
public static partial class LimitMeasure
{
    /// <summary>The tags without a system type.</summary>
    public static IReadOnlyList<string> Aggregates { get; } = ["stockpile", "deployed-strategic", "deployed-nonstrategic", "reserve", "retired", "inventory"];

    /// <summary>Whether <paramref name="tag"/> is a measure tag.</summary>
    public static bool IsValid(string? tag) => tag is not null && (Aggregates.Contains(tag) || SystemTag().IsMatch(tag));

    [GeneratedRegex("^(launchers|missiles|warheads):[A-Za-z0-9][A-Za-z0-9 ._()/-]*$")]
    private static partial Regex SystemTag();
}
