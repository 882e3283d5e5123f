using NodaTime;
using Verity.Core.Treaties;

namespace Verity.Reports.Dashboard;

/// <summary>The date a dashboard page shows, why, and the span its date picker offers.</summary>
/// <param name="At">The date shown.</param>
/// <param name="Reason">Why that date.</param>
/// <param name="Today">Today, UTC, by the node's clock: the picker's link to today goes there.</param>
/// <param name="First">The first date the picker offers: the treaty's signature or entry into force, or the first
/// statement in the logs the node holds when that is earlier.</param>
/// <param name="Last">The last date the picker offers: today, or the latest statement when that is later.</param>
/// <remarks>The span guides the picker; a request may still ask for any supported date (<see cref="Verity.Core.SupportedDates"/>),
/// and the picker's bounds then widen to hold it.</remarks>
public sealed record PageDate(LocalDate At, DateReason Reason, LocalDate Today, LocalDate First, LocalDate Last)
{
    /// <summary>The first day the treaty is no longer in force (<see cref="Treaty.End"/>) when that is on or before
    /// <see cref="Today"/>; <c>null</c> while it is in force.</summary>
    public LocalDate? Ended { get; init; }

    /// <summary>How the treaty stands from <see cref="Ended"/>: expired or terminated.</summary>
    public TreatyStanding? EndedAs { get; init; }

    /// <summary>The latest date of a statement in the logs the node holds (a database's as-of date, a notification's
    /// sending); <c>null</c> when they hold none.</summary>
    public LocalDate? LatestStatement { get; init; }
}
