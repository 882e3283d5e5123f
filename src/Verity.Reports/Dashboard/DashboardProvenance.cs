using NodaTime;

namespace Verity.Reports.Dashboard;

/// <summary>
/// Where the logs a node serves came from, when the node was told: a line said at the top of every dashboard page, and
/// the date after which the databases and notifications are extrapolated rather than resting on published data.
/// </summary>
/// <param name="Notice">The line, such as the demo's: its logs were submitted from a synthetic item history.</param>
/// <param name="ExtrapolatedAfter">Databases and notifications dated after this day are marked extrapolated; <c>null</c> marks none.</param>
public sealed record DashboardProvenance(string Notice, LocalDate? ExtrapolatedAfter)
{
    /// <summary>Whether a database or notification of <paramref name="date"/> is extrapolated.</summary>
    public bool IsExtrapolated(LocalDate date) => ExtrapolatedAfter is { } after && date > after;
}
