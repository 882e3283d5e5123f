using System.Collections.Immutable;
using Verity.Core.Notifications;

namespace Verity.Core.Records;

/// <summary>
/// A party's notification deadlines on a date, as far as they can be derived from its own log and the records of the
/// other parties that are held. See <see cref="Coverage"/> for exactly what is and is not covered.
/// </summary>
/// <param name="Report">The obligations derivable, each on time, late, overdue or pending, and the notifications that match none.</param>
/// <param name="NotAssessed">Notifications provided whose obligation cannot be derived (activities; replies to a party whose record is not held).</param>
/// <param name="ReceivedFrom">The other parties whose records are held: replies to their notifications are owed and assessed.</param>
/// <param name="NotHeld">The other parties whose records are not held: replies to their notifications are not assessed.</param>
public sealed record RecordDeadlines(
    DeadlineReport Report,
    ImmutableArray<NotificationDocument> NotAssessed,
    ImmutableArray<PartyCode> ReceivedFrom,
    ImmutableArray<PartyCode> NotHeld)
{
    /// <summary>What the deadlines rest on, for people and for the API.</summary>
    public const string Coverage =
        "Obligations fixed by the calendar (at entry into force, each period) are derived from the treaty, so a missing one is overdue. " +
        "Obligations for item events are those the party's own change notifications name (one per change notified, due by the type's deadline from its trigger date), so they are on time or late; " +
        "a change a database shows with no notification is a reconciliation finding (missing-notification), not an overdue obligation here. " +
        "Activities (launches, flights) are not statements in the log, so their notifications are not assessed. " +
        "A reply is owed for each notification received from another party whose log is held (read from that party's record), so a missing reply is overdue; " +
        "replies to a party whose log is not held are not assessed.";
}
