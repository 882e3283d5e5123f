using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Treaties;

namespace Verity.Reports.Dashboard;

/// <summary>The overview: the treaty, its standing on a date, and every party whose log the node holds with its figures.</summary>
/// <param name="Treaty">The treaty's id, such as <c>new-start</c>.</param>
/// <param name="TreatyName">The treaty's name.</param>
/// <param name="AsOf">The date of the figures.</param>
/// <param name="Standing">The treaty's standing on the date.</param>
/// <param name="Scopes">Each party whose log the node holds.</param>
/// <param name="Alarms">Every equivocation alarm the node holds.</param>
/// <param name="Source">The logs the figures are derived from (parties and sizes), said on every page.</param>
public sealed record DashboardModel(
    string Treaty,
    string TreatyName,
    LocalDate AsOf,
    TreatyStanding Standing,
    ImmutableArray<ScopeStanding> Scopes,
    ImmutableArray<EquivocationAlarm> Alarms,
    string Source)
{
    /// <summary>Where the logs came from, when the node was told (the demo's nodes are); <c>null</c> otherwise.</summary>
    public DashboardProvenance? Provenance { get; init; }

    /// <summary>The node the page comes from, named in the page's header; <c>null</c> names none.</summary>
    public NodeIdentity? Node { get; init; }

    /// <summary>The page's date, why, and the span of its date picker; <c>null</c> gives no picker.</summary>
    public PageDate? Date { get; init; }
}
