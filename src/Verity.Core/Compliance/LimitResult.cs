using System.Collections.Immutable;
using Verity.Core.Counting;
using Verity.Core.Treaties;

namespace Verity.Core.Compliance;

/// <summary>One limit for one party or group on one date: the counted value, the ceiling, the status, and the items counted.</summary>
/// <param name="Limit">The limit, with the rule of the reading used.</param>
/// <param name="Value">The counted value.</param>
/// <param name="Status">The status.</param>
/// <param name="Contributions">Each counted item's contribution, in inventory order; empty when not traced.</param>
public sealed record LimitResult(Limit Limit, long Value, LimitStatus Status, ImmutableArray<Contribution> Contributions)
{
    /// <summary>The ceiling.</summary>
    public long Ceiling => Limit.Ceiling;

    /// <summary>How far below the ceiling the value is; negative when over it.</summary>
    public long Margin => Limit.Ceiling - Value;

    /// <summary>Whether the value is over the ceiling, whatever the status.</summary>
    public bool OverCeiling => Value > Limit.Ceiling;
}
