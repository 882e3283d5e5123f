using System.Collections.Immutable;
using Verity.Core.Counting;
using Verity.Core.Treaties;

namespace Verity.Core.Compliance;

/// <summary>One limit for one party or group on one date: the counted value, the ceiling, the status, and the items counted.</summary>
/// <param name="Limit">The limit, with the rule of the reading used.</param>
/// <param name="Value">The counted value.</param>
/// <param name="Ceiling">
/// The ceiling in force on the date (a phased limit's current step; before the limit takes effect, its first
/// step's); a freeze resolved for the scope; <c>null</c> when a freeze was not resolved.
/// </param>
/// <param name="Status">The status.</param>
/// <param name="Contributions">Each counted item's contribution, in inventory order; empty when not traced.</param>
public sealed record LimitResult(Limit Limit, long Value, long? Ceiling, LimitStatus Status, ImmutableArray<Contribution> Contributions)
{
    /// <summary>How far below the ceiling the value is; negative when over it; <c>null</c> without a ceiling.</summary>
    public long? Margin => Ceiling - Value;

    /// <summary>Whether the value is over the ceiling, whatever the status; <c>false</c> without a ceiling.</summary>
    public bool OverCeiling => Value > Ceiling;
}
