using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Notifications;

/// <summary>
/// Derives the notifications a party owes from the record: its items' events, its activities, the notifications it
/// received, and the calendar — each with its deadline, for every trigger while the treaty is in force for it.
/// </summary>
/// <remarks>
/// Fields the record gives are filled in where the type declares them: for item events <c>uid</c>, <c>kind</c>, <c>type</c>, <c>status</c> and
/// <c>location</c> (the item after the event), <c>from</c> (where it was before), <c>event</c> and <c>date</c>; for periods and entry into force
/// <c>as_of</c> and <c>year</c>; for activities the activity's own fields; for replies <c>reply_to</c>. Events
/// dated on or before entry into force are the initial declaration, not changes. The subject of a change is
/// <c>UID:EVENT</c>, so that each change is owed its own notification.
/// </remarks>
public static class ObligationGenerator
{
    /// <summary>Every obligation of <paramref name="party"/> triggered on or before <paramref name="until"/> (or, for an advance notice, due by then).</summary>
    public static ImmutableArray<Obligation> Generate(
        Treaty treaty,
        PartyCode party,
        Ledger ledger,
        IEnumerable<Activity> activities,
        IEnumerable<NotificationDocument> received,
        LocalDate until)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(ledger);
        var result = new List<Obligation>();
        var entry = treaty.Dates.EntryIntoForce;
        var activityList = activities.Where(a => a.Party == party).ToList();
        var receivedList = received.Where(d => d.Party != party).ToList();

        void Add(NotificationType type, string subject, LocalDateTime triggered, ImmutableSortedDictionary<string, string> fields)
        {
            var date = triggered.Date;
            var due = type.Deadline.DueFor(triggered);

            // A notice owed in advance is known ahead of its deadline: it is listed up to a year before it falls due.
            var known = type.Deadline.InAdvance ? due.Date.PlusYears(-1) : date;
            if (date < entry || known > until || until < entry || treaty.StandingAt(date, party) != TreatyStanding.InForce)
            {
                return;
            }

            var declared = fields.Where(f => type.Field(f.Key) is not null).ToImmutableSortedDictionary(StringComparer.Ordinal);
            result.Add(new Obligation(type, party, subject, triggered, due, declared));
        }

        foreach (var type in treaty.Notifications)
        {
            switch (type.Trigger)
            {
                case AtEntryIntoForce:
                    Add(type, "entry-into-force", entry.AtMidnight(), Fields(("as_of", Iso(entry)), ("year", entry.Year.ToString(CultureInfo.InvariantCulture))));
                    break;
                case EveryPeriod periodic:
                    foreach (var (start, end) in Periods(entry, periodic, until))
                    {
                        var at = type.Deadline.InAdvance ? start : end;
                        Add(type, Iso(at), at.AtMidnight(), Fields(("as_of", Iso(at)), ("year", at.Year.ToString(CultureInfo.InvariantCulture))));
                    }

                    break;
                case OnItemEvents onEvents:
                    var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var (e, before, item) in ItemChanges(ledger, party, entry))
                    {
                        if (onEvents.Events.Contains(e.Kind))
                        {
                            // One notification per change: the subject names the item and the change, and a second
                            // change of the same kind to the same item on the same day is numbered.
                            var subject = $"{e.Uid}:{e.Kind}";
                            var repeat = seen[$"{subject}@{e.Date:yyyy-MM-dd}"] = seen.GetValueOrDefault($"{subject}@{e.Date:yyyy-MM-dd}") + 1;
                            Add(type, repeat == 1 ? subject : $"{subject}#{repeat}", e.Date.AtMidnight(), Fields(
                                ("uid", e.Uid), ("kind", item.Kind), ("type", item.Type), ("status", item.Status),
                                ("location", item.Location), ("event", e.Kind), ("date", Iso(e.Date)),
                                ("from", before?.Location ?? item.Location)));
                        }
                    }

                    break;
                case OnActivity onActivity:
                    foreach (var activity in activityList.Where(a => a.Kind == onActivity.Kind))
                    {
                        Add(type, activity.Id, activity.At, activity.Fields);
                    }

                    break;
                case OnReceipt onReceipt:
                    foreach (var document in receivedList.Where(d => d.Type == onReceipt.NotificationId))
                    {
                        Add(type, document.Number, document.Sent, Fields(("reply_to", document.Number)));
                    }

                    break;
            }
        }

        // In time order; obligations triggered at the same moment keep the record's order (the order of the events).
        return [.. result.OrderBy(o => o.TriggeredAt)];
    }

    /// <summary>The periods of a periodic trigger: (start, end) pairs, the first starting as the trigger says.</summary>
    public static IEnumerable<(LocalDate Start, LocalDate End)> Periods(LocalDate entryIntoForce, EveryPeriod trigger, LocalDate until)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var start = trigger.First switch
        {
            PeriodStart.CalendarYearAfterEntryIntoForce => new LocalDate(entryIntoForce.Year + 1, 1, 1),
            _ => new LocalDate(entryIntoForce.Year, entryIntoForce.Month, 1).PlusMonths(1),
        };
        while (start <= until.PlusYears(1))
        {
            var end = start.Plus(trigger.Every);
            yield return (start, end);
            start = end;
        }
    }

    /// <summary>The party's item events after entry into force, each with the item's state right after it.</summary>
    private static IEnumerable<(ItemEvent Event, Item? Before, Item Item)> ItemChanges(Ledger ledger, PartyCode party, LocalDate entry)
    {
        var state = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var e in ledger.Events)
        {
            var item = e switch
            {
                ItemProduced produced => produced.Item,
                _ when state.TryGetValue(e.Uid, out var current) => Ledger.ApplyTo(current, e),
                _ => null,
            };
            if (item is null)
            {
                continue;
            }

            var before = state.GetValueOrDefault(e.Uid);
            state[e.Uid] = item;
            if (item.Party == party && e.Date > entry)
            {
                yield return (e, before, item);
            }
        }
    }

    private static ImmutableSortedDictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToImmutableSortedDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
