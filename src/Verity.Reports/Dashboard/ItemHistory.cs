using System.Collections.Immutable;
using Verity.Core;
using Verity.Core.Records;

namespace Verity.Reports.Dashboard;

/// <summary>One item's history: every statement in the party's log that mentions it, in date order.</summary>
/// <param name="Treaty">The treaty's name.</param>
/// <param name="Party">The party.</param>
/// <param name="Uid">The item's unique identifier.</param>
/// <param name="Kind">Its kind, as first listed or notified.</param>
/// <param name="Type">Its type, as first listed or notified.</param>
/// <param name="Events">Each database that lists it and each notification about it (the node derives them from the party's record).</param>
/// <param name="Source">The logs the figures are derived from.</param>
public sealed record ItemHistory(string Treaty, PartyCode Party, string Uid, string Kind, string Type, ImmutableArray<ItemHistoryEntry> Events, string Source)
{
    /// <summary>Where the logs came from, when the node was told; <c>null</c> otherwise.</summary>
    public DashboardProvenance? Provenance { get; init; }

    /// <summary>The treaty's item kinds, to name the item's kind in the page's language.</summary>
    public ImmutableArray<Verity.Core.Treaties.VocabularyEntry> Kinds { get; init; } = [];

    /// <summary>The treaty's statuses, to name a listed status in the page's language.</summary>
    public ImmutableArray<Verity.Core.Treaties.VocabularyEntry> Statuses { get; init; } = [];

    /// <summary>The treaty's notification types, to name a notification's type in the page's language.</summary>
    public ImmutableArray<Verity.Core.Notifications.NotificationType> NotificationTypes { get; init; } = [];

    /// <summary>The node the page comes from, named in the page's header; <c>null</c> names none.</summary>
    public NodeIdentity? Node { get; init; }

    /// <summary>The page's date, why, and the span of its date picker; <c>null</c> gives no picker.</summary>
    public PageDate? Date { get; init; }
}
