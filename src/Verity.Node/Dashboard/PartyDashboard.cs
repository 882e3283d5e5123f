using System.Collections.Immutable;
using NodaTime;
using Verity.Core;
using Verity.Core.Reconciliation;
using Verity.Core.Treaties;

namespace Verity.Node.Dashboard;

/// <summary>One party's page: compliance over time, notifications, databases, findings, items and log integrity.</summary>
/// <param name="Treaty">The treaty's id.</param>
/// <param name="TreatyName">The treaty's name.</param>
/// <param name="Party">The party.</param>
/// <param name="PartyName">Its name.</param>
/// <param name="AsOf">The date of the page.</param>
/// <param name="Standing">The treaty's standing for the party on the date.</param>
/// <param name="Scopes">The party and each group it belongs to, each with a series per limit.</param>
/// <param name="Notifications">The notification feed: what was owed and sent, newest first.</param>
/// <param name="Databases">The latest databases, newest first.</param>
/// <param name="Findings">What reconciling the party's databases and notifications found, in date order.</param>
/// <param name="Items">The party's items on the date.</param>
/// <param name="Logs">The logs the node holds and what it checked of each.</param>
/// <param name="Peers">The peers' nodes and their status.</param>
/// <param name="Source">Where the figures come from, said on the page.</param>
public sealed record PartyDashboard(
    string Treaty,
    string TreatyName,
    PartyCode Party,
    string PartyName,
    LocalDate AsOf,
    TreatyStanding Standing,
    ImmutableArray<ScopeSeries> Scopes,
    ImmutableArray<NotificationRow> Notifications,
    ImmutableArray<DatabaseSummary> Databases,
    ImmutableArray<Finding> Findings,
    ImmutableArray<ItemLink> Items,
    ImmutableArray<LogIntegrity> Logs,
    ImmutableArray<PeerStatus> Peers,
    string Source);
