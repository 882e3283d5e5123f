using NodaTime;
using Verity.Core.Compliance;

namespace Verity.Reports.Dashboard;

/// <summary>A limit's value on one date, counted from the party's record.</summary>
/// <param name="Date">The date.</param>
/// <param name="Value">The value counted from the party's forces on the date (its basis database plus the changes notified since).</param>
/// <param name="Declared">The aggregate the basis database itself declares for the limit; <c>null</c> when it declares none.</param>
/// <param name="Ceiling">The ceiling on the date.</param>
/// <param name="Status">Within, exceeds, or why the limit was not in effect.</param>
public sealed record CompliancePoint(LocalDate Date, long Value, long? Declared, long Ceiling, LimitStatus Status)
{
    /// <summary>Whether the limit applied on the date (within or exceeded).</summary>
    public bool InEffect => Status is LimitStatus.Within or LimitStatus.Exceeds;
}
