using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Xunit.Abstractions;

namespace Verity.Core.Tests.Reconciliation;

/// <summary>
/// The honest record of each party perturbed once, in a seeded sample across the whole record — a change notification
/// dropped, delayed past its deadline, duplicated, its date moved, one field altered; one item altered, added or removed
/// in one database — and reconciled as the receiving party would: every perturbation is reported by at least one
/// finding that names the item (its uid, or the place for an item the databases only count) or the notification.
/// </summary>
public class ReconciliationPropertyTests(ReconciliationCorpus corpus, ITestOutputHelper output) : IClassFixture<ReconciliationCorpus>
{
    private const int Seed = 20110205;
    private const int PerParty = 260;

    [Fact]
    public void Reconcile_EveryPerturbationOfTheHonestRecord_FoundNamingTheItemOrTheNotification()
    {
        // Per class: (found, total); a class the receiving side cannot always detect is tallied under its documented name.
        var tally = new SortedDictionary<string, (int Found, int Total)>(StringComparer.Ordinal);
        var missed = new List<string>();
        foreach (var party in corpus.Honest.Keys.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            var perturber = new Perturber(corpus, party, new Random(Seed + party.Value[0]));
            for (var n = 0; n < PerParty; n++)
            {
                var perturbation = perturber.Next((PerturbationClass)(n % Enum.GetValues<PerturbationClass>().Length));

                var report = Reconciler.Reconcile(corpus.Treaty, corpus.Definition, party, perturbation.Databases, perturbation.Notifications, perturbation.AsOf);

                var found = report.Findings.Any(f => perturbation.Names.Contains(f.Subject) || perturbation.Names.Contains(f.Evidence));
                var name = perturbation.Undetectable is { } documented ? $"{perturbation.Class} [documented: {documented}]" : perturbation.Class;
                var (hits, total) = tally.GetValueOrDefault(name);
                tally[name] = (hits + (found ? 1 : 0), total + 1);
                if (!found && perturbation.Undetectable is null)
                {
                    missed.Add($"{party} {perturbation.Class}: {perturbation.What} -> {(report.Findings.IsEmpty ? "no finding" : string.Join(" | ", report.Findings))}");
                }
            }
        }

        foreach (var (name, (found, total)) in tally)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {found}/{total}"));
        }

        Assert.True(tally.Values.Sum(t => t.Total) >= 500, $"{tally.Values.Sum(t => t.Total)} perturbations");
        Assert.True(missed.Count == 0, string.Join(Environment.NewLine, missed.Take(40)));
    }

    private enum PerturbationClass
    {
        Dropped,
        Delayed,
        Duplicated,
        DateMoved,
        FieldAltered,
        ItemAltered,
        ItemAdded,
        ItemRemoved,
    }

    /// <summary>
    /// One perturbed record, shortened to the databases up to the one after the perturbation; <see cref="Undetectable"/>
    /// names the class docs/notifications.md documents as not always detectable from what the receiving party holds.
    /// </summary>
    private sealed record Perturbation(string Class, string What, ImmutableArray<Database> Databases, ImmutableArray<NotificationDocument> Notifications, LocalDate AsOf, HashSet<string> Names)
    {
        public string? Undetectable { get; init; }
    }

    private sealed class Perturber
    {
        private static readonly string[] Fields = ["uid", "kind", "type", "status", "location", "from", "event"];
        private readonly ReconciliationCorpus _corpus;
        private readonly PartyCode _party;
        private readonly Random _random;
        private readonly ImmutableArray<Database> _databases;
        private readonly ImmutableArray<NotificationDocument> _notifications;
        private readonly ImmutableArray<NotificationDocument> _changes;
        private readonly Dictionary<string, string[]> _domains;
        private readonly HashSet<string> _listedKinds;
        private readonly Dictionary<int, ImmutableArray<Item>> _inventories = [];
        private int _added;

        public Perturber(ReconciliationCorpus corpus, PartyCode party, Random random)
        {
            (_corpus, _party, _random) = (corpus, party, random);
            (_databases, _notifications) = corpus.Honest[party];
            _changes = [.. _notifications.Where(d => d.Type == "change-in-data")];
            _listedKinds = [.. _databases.SelectMany(d => d.ListedItems().Values).Select(i => i.Kind)];
            var locations = _changes.SelectMany(d => new[] { d.Fields["location"], d.Fields["from"] }).Concat(_databases.SelectMany(d => d.Facilities.Select(f => f.Location)));
            _domains = new Dictionary<string, string[]>
            {
                ["uid"] = Distinct(_changes.Select(d => d.Fields["uid"]).Concat(_databases.SelectMany(d => d.ListedItems().Keys))),
                ["kind"] = Distinct(corpus.Treaty.ItemKinds.Select(k => k.Id)),
                ["type"] = Distinct(_changes.Select(d => d.Fields["type"])),
                ["status"] = Distinct(corpus.Treaty.Statuses.Select(s => s.Id)),
                ["location"] = Distinct(locations),
                ["from"] = Distinct(locations),
                ["event"] = Distinct(((OnItemEvents)NotifiedChanges.ChangeType(corpus.Treaty)!.Trigger).Events),
            };
        }

        public Perturbation Next(PerturbationClass kind) => kind switch
        {
            PerturbationClass.Dropped => Dropped(),
            PerturbationClass.Delayed => Delayed(),
            PerturbationClass.Duplicated => Duplicated(),
            PerturbationClass.DateMoved => DateMoved(),
            PerturbationClass.FieldAltered => FieldAltered(),
            PerturbationClass.ItemAltered => InDatabase(kind, Altered),
            PerturbationClass.ItemAdded => InDatabase(kind, Added),
            _ => InDatabase(kind, Removed),
        };

        private Perturbation Dropped()
        {
            var d = Pick(_changes);
            return Notified("dropped", d.Number, d, _notifications.Remove(d), d.Triggered, Names(d));
        }

        private Perturbation Delayed()
        {
            var d = Pick(_changes);
            var due = _corpus.Treaty.FindNotification(d.Type)!.Deadline.DueFor(d.Triggered.AtMidnight());
            var late = d with { Sent = due.PlusMinutes(_random.Next(1, 30 * 24 * 60)) };
            return Notified("delayed past its deadline", $"{d.Number} sent {late.Sent:yyyy-MM-dd HH:mm}", d, _notifications.Replace(d, late), d.Triggered, Names(d));
        }

        private Perturbation Duplicated()
        {
            var d = Pick(_changes);
            var copy = d with { Number = d.Number + "-2" };
            return Notified("duplicated", d.Number, d, _notifications.Add(copy), d.Triggered, Names(d, copy));
        }

        private Perturbation DateMoved()
        {
            var d = Pick(_changes);
            var days = _random.Next(1, 31) * (_random.Next(2) == 0 ? -1 : 1);
            var date = d.Triggered.PlusDays(days);
            var moved = d with { Triggered = date, Fields = d.Fields.SetItem("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) };
            var perturbation = Notified("date moved", $"{d.Number} {d.Triggered:yyyy-MM-dd} -> {date:yyyy-MM-dd}", d, _notifications.Replace(d, moved), Max(d.Triggered, date), Names(d));

            // Still on time, not before the day it was sent, in the same period and in the same place among the
            // item's changes: nothing the receiving party holds dates the change more closely.
            var due = _corpus.Treaty.FindNotification(d.Type)!.Deadline.DueFor(date.AtMidnight());
            var uid = d.Fields["uid"];
            var order = NotifiedChanges.InOrder(_changes.Where(c => c.Fields["uid"] == uid)).Select(c => c.Number);
            var reordered = NotifiedChanges.InOrder(_changes.Replace(d, moved).Where(c => c.Fields["uid"] == uid)).Select(c => c.Number);
            var unseen = d.Sent <= due && d.Sent.Date >= date && PeriodOf(date) == PeriodOf(d.Triggered) && order.SequenceEqual(reordered);
            return perturbation with { Undetectable = unseen ? "date moved within its deadline and period" : null };
        }

        private Perturbation FieldAltered()
        {
            var d = Pick(_changes);
            var field = Fields[_random.Next(Fields.Length)];
            var value = Other(field, d.Fields[field]);
            var fields = d.Fields.SetItem(field, value);

            // The subject names the uid and the change: a party that alters one alters the other with it.
            var suffix = d.Subject[(d.Subject.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? hash : d.Subject.Length)..];
            var altered = d with { Fields = fields, Subject = $"{fields["uid"]}:{fields["event"]}{suffix}" };
            var names = Names(d);
            names.Add(value);
            var perturbation = Notified($"field altered: {field}", $"{d.Number} {field} {d.Fields[field]} -> {value}", d, _notifications.Replace(d, altered), d.Triggered, names);
            return perturbation with { Undetectable = Undetectable(d, field, value, perturbation.Databases) };
        }

        /// <summary>The documented class an altered field falls in, when the receiving party cannot always tell it from the record.</summary>
        private string? Undetectable(NotificationDocument d, string field, string value, ImmutableArray<Database> window)
        {
            var (change, counted) = (d.Fields["event"], !_listedKinds.Contains(d.Fields["kind"]));
            var events = new[] { change, value }.Order(StringComparer.Ordinal).ToArray();
            var next = NextInPeriod(d);
            return field switch
            {
                // Two words for one transition: the item leaves the accounting either way; a launcher made
                // deployed in place is deployed either way.
                "event" when events.SequenceEqual(["eliminated", "lost"]) => "one transition under another event",
                "event" when events.SequenceEqual(["deployed", "status-changed"]) && d.Fields["status"] == "deployed" && d.Fields["from"] == d.Fields["location"] => "one transition under another event",

                // The databases count launchers without their uids or types: only the notifications name them.
                "uid" when counted && !window.Any(b => b.ListedItems().ContainsKey(value)) => "identity or type of a counted item",
                "type" when counted => "identity or type of a counted item",

                // A status (or type) one change gives and the next change of the item, before the next database,
                // gives anew: no notification states the status an item leaves.
                "status" when change is "produced" or "status-changed" && next?.Fields["event"] is "status-changed" or "deployed" or "converted" => "intermediate state set anew",
                "type" when change is "produced" or "converted" && next?.Fields["event"] is "converted" => "intermediate state set anew",
                _ => null,
            };
        }

        /// <summary>The item's next change after <paramref name="d"/> before the next database, or <c>null</c>.</summary>
        private NotificationDocument? NextInPeriod(NotificationDocument d)
        {
            var changes = NotifiedChanges.InOrder(_changes.Where(c => c.Fields["uid"] == d.Fields["uid"])).ToList();
            var next = changes.IndexOf(d) + 1;
            return next < changes.Count && PeriodOf(changes[next].Triggered) == PeriodOf(d.Triggered) ? changes[next] : null;
        }

        /// <summary>The index of the database whose period holds a date: the first as of that date or later.</summary>
        private int PeriodOf(LocalDate date) => _databases.IndexOf(_databases.FirstOrDefault(b => b.AsOf >= date) ?? _databases[^1]);

        private Perturbation Notified(string name, string what, NotificationDocument d, ImmutableArray<NotificationDocument> notifications, LocalDate latest, HashSet<string> names)
        {
            var end = _databases.IndexOf(_databases.FirstOrDefault(b => b.AsOf >= latest) ?? _databases[^1]);
            return Shortened(name, $"{what} ({d.Fields["event"]} of {d.Fields["kind"]} {d.Fields["uid"]} on {d.Triggered:yyyy-MM-dd})", end + 1, _databases, notifications, names);
        }

        private Perturbation InDatabase(PerturbationClass kind, Func<ImmutableArray<Item>, (ImmutableArray<Item> Items, string What, HashSet<string> Names)> edit)
        {
            while (true)
            {
                var index = _random.Next(_databases.Length);
                var honest = _databases[index];
                if (!_inventories.TryGetValue(index, out var items))
                {
                    _inventories[index] = items = [.. _corpus.Ledger.AsOf(honest.AsOf).Where(i => i.Party == _party)];
                }

                var (edited, what, names) = edit(items);
                var database = Database.Build(_corpus.Definition, _corpus.Treaty, Inventory.From(edited), _party, honest.AsOf);
                if (database.Hash == honest.Hash)
                {
                    continue;
                }

                var name = kind switch { PerturbationClass.ItemAltered => "item altered", PerturbationClass.ItemAdded => "item added", _ => "item removed" };
                return Shortened(name, $"{what} in the database as of {honest.AsOf:yyyy-MM-dd}", index + 1, _databases.SetItem(index, database), _notifications, names);
            }
        }

        private (ImmutableArray<Item>, string, HashSet<string>) Altered(ImmutableArray<Item> items)
        {
            var item = Pick(items);
            string[] attributes = _listedKinds.Contains(item.Kind) ? ["status", "location", "type"] : ["status", "location"];
            var attribute = attributes[_random.Next(attributes.Length)];
            var value = Other(attribute, item.Get(attribute)!);
            var altered = attribute switch
            {
                "status" => item with { Status = value },
                "location" => item with { Location = value },
                _ => item with { Type = value },
            };
            return (items.Replace(item, altered), $"{item.Kind} {item.Uid} {attribute} {item.Get(attribute)} -> {value}", [item.Uid, item.Location, altered.Location]);
        }

        private (ImmutableArray<Item>, string, HashSet<string>) Added(ImmutableArray<Item> items)
        {
            var like = Pick(items);
            var added = like with { Uid = string.Create(CultureInfo.InvariantCulture, $"{_party}-ADDED-{++_added}") };
            return (items.Add(added), $"{added.Kind} {added.Uid} ({added.Status}, {added.Location}) added", [added.Uid, added.Location]);
        }

        private (ImmutableArray<Item>, string, HashSet<string>) Removed(ImmutableArray<Item> items)
        {
            var item = Pick(items);
            return (items.Remove(item), $"{item.Kind} {item.Uid} ({item.Status}, {item.Location}) removed", [item.Uid, item.Location]);
        }

        /// <summary>The record up to the database after the perturbation (one more when there is one), reconciled as of that database.</summary>
        private static Perturbation Shortened(string name, string what, int end, ImmutableArray<Database> databases, ImmutableArray<NotificationDocument> notifications, HashSet<string> names)
        {
            var last = Math.Min(end, databases.Length - 1);
            var asOf = databases[last].AsOf;
            return new Perturbation(name, what, databases[..(last + 1)], [.. notifications.Where(d => d.Triggered <= asOf)], asOf, names);
        }

        private static HashSet<string> Names(params NotificationDocument[] documents) =>
            [.. documents.SelectMany(d => new[] { $"notification {d.Number}", d.Fields["uid"], d.Fields["location"], d.Fields["from"] })];

        private string Other(string field, string value)
        {
            var others = _domains[field].Where(v => v != value).ToArray();
            return others[_random.Next(others.Length)];
        }

        private T Pick<T>(ImmutableArray<T> values) => values[_random.Next(values.Length)];

        private static string[] Distinct(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
    }
}
