using Verity.Core.Compliance;
using Verity.Core.Treaties;

namespace Verity.Core.Records;

/// <summary>One limit of a group on a date, counted over the combined forces of all its members.</summary>
/// <param name="Limit">The limit, with the agreed reading's rule.</param>
/// <param name="Value">The value counted over every member's items; <c>null</c> when a member's forces are not known
/// (its log is not held, or it declared no database on or before the date): never a partial sum.</param>
/// <param name="Ceiling">The ceiling in force on the date (a phased limit's step); <c>null</c> before the first step or for a freeze not resolved.</param>
/// <param name="Status">The status; <c>null</c> when it turns on the unknown value (the limit is in effect and the value
/// is <c>null</c>). A status that does not depend on the value (not yet in effect, suspended, expired…) is given.</param>
public sealed record GroupLimit(Limit Limit, long? Value, long? Ceiling, LimitStatus? Status)
{
    /// <summary>Ceiling minus value; <c>null</c> with the value or the ceiling.</summary>
    public long? Margin => Value is { } value && Ceiling is { } ceiling ? ceiling - value : null;
}
