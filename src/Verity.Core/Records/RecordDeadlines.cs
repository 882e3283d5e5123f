using System.Collections.Immutable;
using Verity.Core.Notifications;

namespace Verity.Core.Records;

/// <summary>
/// A party's notification deadlines on a date, as far as they can be derived from its own log. See
/// <see cref="Coverage"/> for exactly what is and is not covered.
/// </summary>
/// <param name="Report">The obligations derivable, each on time, late, overdue or pending, and the notifications that match none.</param>
/// <param name="NotAssessed">Notifications provided whose obligation cannot be derived from the log (activities; replies when the other party's notifications are not given).</param>
public sealed record RecordDeadlines(DeadlineReport Report, ImmutableArray<NotificationDocument> NotAssessed)
{
    /// <summary>What the deadlines rest on, for people and for the API.</summary>
    public const string Coverage =
        "Obligations fixed by the calendar (at entry into force, each period) are derived from the treaty, so a missing one is overdue. " +
        "Obligations for item events are those the party's own change notifications name (one per change notified, due by the type's deadline from its trigger date), so they are on time or late; " +
        "a change a database shows with no notification is a reconciliation finding (missing-notification), not an overdue obligation here. " +
        "Activities (launches, flights) are not statements in the log, so their notifications are not assessed; " +
        "replies are owed only for notifications received from another party, given when its log is held.";
}
