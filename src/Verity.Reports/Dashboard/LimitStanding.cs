using Verity.Core.Compliance;

namespace Verity.Reports.Dashboard;

/// <summary>One limit's figure on a date.</summary>
/// <param name="LimitId">The limit's id, such as <c>deployed-warheads</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Article">Where the treaty sets it, if known.</param>
/// <param name="Value">The counted value; <c>null</c> when the party has declared no database on or before the date (nothing to count, not zero).</param>
/// <param name="Ceiling">The ceiling.</param>
/// <param name="Status">Within, exceeds, not yet in effect, …</param>
public sealed record LimitStanding(string LimitId, string Name, string? Article, long? Value, long Ceiling, LimitStatus Status);
