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
    private static readonly System.Resources.ResourceManager Text = new("Verity.Reports.Dashboard.Strings", typeof(DashboardProvenance).Assembly);

    /// <summary>Whether it is <c>verity demo</c>'s notice (<see cref="Demo"/>), which the dashboard words in the page's
    /// language; any other notice is shown as it is given.</summary>
    public bool IsDemo { get; init; }

    /// <summary>
    /// <c>verity demo</c>'s provenance: its logs were submitted from New START's replayed record, whose item history is
    /// synthetic, and what is dated after <paramref name="lastPublished"/> is extrapolated. <see cref="Notice"/> is the
    /// English; each dashboard page says it in its own language (<c>Provenance_Demo</c>).
    /// </summary>
    public static DashboardProvenance Demo(LocalDate lastPublished) => new(
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Text.GetString("Provenance_Demo", System.Globalization.CultureInfo.InvariantCulture)!,
            Languages.Languages.English.Date(lastPublished), Replay.ReplayReport.Synthetic(Languages.Languages.English)),
        lastPublished)
    { IsDemo = true };

    /// <summary>Whether a database or notification of <paramref name="date"/> is extrapolated.</summary>
    public bool IsExtrapolated(LocalDate date) => ExtrapolatedAfter is { } after && date > after;
}
