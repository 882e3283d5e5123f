using Verity.Core.Compliance;

namespace Verity.Reports.Dashboard;

/// <summary>One limit's figure on a date.</summary>
/// <param name="LimitId">The limit's id, such as <c>deployed-warheads</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Article">Where the treaty sets it, if known.</param>
/// <param name="Value">The counted value; <c>null</c> when the forces counted are not known: the party has declared no
/// database on or before the date (nothing to count, not zero), or for a group, a member's forces are not known (its log
/// is not held, or it declared nothing yet): never a partial sum.</param>
/// <param name="Ceiling">The ceiling; <c>null</c> for a freeze not resolved.</param>
/// <param name="Status">Within, exceeds, not yet in effect, …; <c>null</c> when it turns on a value that is not known.</param>
public sealed record LimitStanding(string LimitId, string Name, string? Article, long? Value, long? Ceiling, LimitStatus? Status);
