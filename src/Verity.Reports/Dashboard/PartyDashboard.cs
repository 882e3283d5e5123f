using System.Collections.Immutable;
using NodaTime;
using Verity.Core;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Treaties;

namespace Verity.Reports.Dashboard;

/// <summary>One party's page: compliance over time, notifications, databases, findings, items and log integrity.</summary>
/// <param name="Treaty">The treaty's id.</param>
/// <param name="TreatyName">The treaty's name.</param>
/// <param name="Party">The party.</param>
/// <param name="PartyName">Its name.</param>
/// <param name="AsOf">The date of the page.</param>
/// <param name="Standing">The treaty's standing for the party on the date.</param>
/// <param name="FirstDeclaration">The as-of date of the first database in the party's log; <c>null</c> when its log holds none yet.</param>
/// <param name="Basis">The as-of date of the database the figures on <paramref name="AsOf"/> rest on; <c>null</c> when none is declared on or before it.</param>
/// <param name="Scopes">The party, with a series per limit.</param>
/// <param name="Notifications">The notification feed: what was owed and sent, newest first.</param>
/// <param name="Databases">The latest databases, newest first.</param>
/// <param name="Findings">What reconciling the party's databases and notifications found, in date order.</param>
/// <param name="Items">The party's items on the date that its databases list one by one.</param>
/// <param name="CountedByLocation">How many further items the basis database counts only by location (they stand as of it).</param>
/// <param name="Logs">The logs the node holds and what it checked of each.</param>
/// <param name="Peers">The peers' nodes and their status.</param>
/// <param name="Alarms">Every equivocation alarm the node holds.</param>
/// <param name="Source">The logs the figures are derived from, said on the page.</param>
public sealed record PartyDashboard(
    string Treaty,
    string TreatyName,
    PartyCode Party,
    string PartyName,
    LocalDate AsOf,
    TreatyStanding Standing,
    LocalDate? FirstDeclaration,
    LocalDate? Basis,
    ImmutableArray<ScopeSeries> Scopes,
    ImmutableArray<NotificationRow> Notifications,
    ImmutableArray<DatabaseSummary> Databases,
    ImmutableArray<Finding> Findings,
    ImmutableArray<ItemLink> Items,
    int CountedByLocation,
    ImmutableArray<LogIntegrity> Logs,
    ImmutableArray<PeerStatus> Peers,
    ImmutableArray<EquivocationAlarm> Alarms,
    string Source)
{
    /// <summary>
    /// How many databases the reconciliation behind <see cref="Findings"/> checked and how many notified changes it
    /// applied: the figures `verity reconcile` prints for the same record (<see cref="ReconciliationReport"/>), not the
    /// lengths of the page's own lists (which show the latest databases and every notification owed or sent).
    /// </summary>
    public (int Databases, int Changes) Reconciled { get; init; }

    /// <summary>The inspections the party conducted or underwent up to the page's date, by arrival.</summary>
    public ImmutableArray<InspectionRow> Inspections { get; init; } = [];

    /// <summary>The party's use of its inspection quotas: each treaty year it held an inspection in, and the page's.</summary>
    public ImmutableArray<QuotaUse> QuotaUse { get; init; } = [];

    /// <summary>Where the logs came from, when the node was told (the demo's nodes are); <c>null</c> otherwise.</summary>
    public DashboardProvenance? Provenance { get; init; }

    /// <summary>The node the page comes from, named in the page's header; <c>null</c> names none.</summary>
    public NodeIdentity? Node { get; init; }

    /// <summary>The page's date, why, and the span of its date picker; <c>null</c> gives no picker.</summary>
    public PageDate? Date { get; init; }

    /// <summary>Which items the page lists: <see cref="Items"/> filtered by kind, status and base, one page of them.</summary>
    public ItemFilter Filter { get; init; } = ItemFilter.All;

    /// <summary>The treaty's item kinds, offered by the items filter.</summary>
    public ImmutableArray<VocabularyEntry> Kinds { get; init; } = [];

    /// <summary>The treaty's statuses, offered by the items filter.</summary>
    public ImmutableArray<VocabularyEntry> Statuses { get; init; } = [];

    /// <summary>The treaty's notification types, by which findings name those they are about.</summary>
    public ImmutableArray<NotificationType> NotificationTypes { get; init; } = [];
}
