using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Treaties;

namespace Verity.Core.Notifications;

/// <summary>Sets the notifications provided against the obligations: on time, late, overdue or pending on a date.</summary>
public static class DeadlineTracker
{
    /// <summary>
    /// Tracks one party's obligations on <paramref name="asOf"/>: those triggered by then (and notices owed in advance
    /// that fall due within a year), against the notifications sent by the end of that day. An obligation is overdue
    /// once its deadline has passed before the day begins.
    /// </summary>
    /// <param name="treaty">The treaty (for treaty years).</param>
    /// <param name="party">The party.</param>
    /// <param name="obligations">What the party owes.</param>
    /// <param name="provided">What the party provided (others' notifications are ignored); only those sent by <paramref name="asOf"/> count.</param>
    /// <param name="asOf">The date.</param>
    public static DeadlineReport Track(Treaty treaty, PartyCode party, IEnumerable<Obligation> obligations, IEnumerable<NotificationDocument> provided, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        var end = asOf.PlusDays(1).AtMidnight();
        var documents = provided.Where(d => d.Party == party && d.Sent < end).ToList();
        var byKey = documents.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Sent).First(), StringComparer.Ordinal);
        var tracked = obligations
            .Where(o => o.Party == party && (o.TriggeredAt.Date <= asOf || (o.Type.Deadline.InAdvance && o.Due.Date <= asOf.PlusYears(1))))
            .Select(o =>
            {
                var document = byKey.GetValueOrDefault(o.Key);
                var state = document is not null
                    ? (document.Sent <= o.Due ? DeadlineState.OnTime : DeadlineState.Late)
                    : (o.Due < asOf.AtMidnight() ? DeadlineState.Overdue : DeadlineState.Pending);
                return new TrackedObligation(o, document, state);
            })
            .ToImmutableArray();
        var matched = tracked.Where(t => t.Provided is not null).Select(t => t.Obligation.Key).ToHashSet(StringComparer.Ordinal);
        var unmatched = documents.Where(d => !matched.Contains(d.Key)).ToImmutableArray();
        var years = tracked
            .GroupBy(t => treaty.TreatyYearOf(t.Obligation.TriggeredAt.Date))
            .OrderBy(g => g.Key)
            .Select(g => new TreatyYearCount(
                g.Key,
                g.Count(),
                g.Count(t => t.State == DeadlineState.OnTime),
                g.Count(t => t.State == DeadlineState.Late),
                g.Count(t => t.State == DeadlineState.Overdue),
                g.Count(t => t.State == DeadlineState.Pending)))
            .ToImmutableArray();
        return new DeadlineReport(party, asOf, tracked, unmatched, years);
    }
}
