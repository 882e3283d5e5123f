using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Treaties;

namespace Verity.Core.Records;

public sealed partial class PartyRecord
{
    private static readonly Ledger NoEvents = Ledger.Create([]);

    /// <summary>
    /// The party's forces on <paramref name="at"/>: the latest database declared on or before it, plus the changes
    /// notified after that database and triggered by <paramref name="at"/> (applied as <see cref="Reconciler"/> applies
    /// them). Without such a database there is nothing to count, and <see cref="DerivedForces.Basis"/> is <c>null</c>.
    /// </summary>
    public DerivedForces ForcesAt(LocalDate at)
    {
        var basis = Declarations.LastOrDefault(d => d.Database.AsOf <= at);
        if (basis is null)
        {
            return new DerivedForces(Party, at, null, [], [], [], Inventory.Empty);
        }

        var changes = new NotifiedChanges(Treaty, [.. Declarations.Where(d => d.Database.AsOf <= at).Select(d => d.Database)], basis.Database);
        var changeType = NotifiedChanges.ChangeType(Treaty);
        var applied = ImmutableArray.CreateBuilder<RecordNotification>();
        var ignored = new List<Finding>();
        foreach (var notification in NotifiedChanges.InOrder(Notifications, n => n.Document)
            .Where(n => n.Document.Type == changeType?.Id && n.Document.Triggered > basis.Database.AsOf && n.Document.Triggered <= at))
        {
            if (changes.Apply(notification.Document, ignored))
            {
                applied.Add(notification);
            }
        }

        var defaults = Treaty.Attributes.Where(a => a.Default is not null).ToDictionary(a => a.Id, a => a.Default!, StringComparer.Ordinal);
        var listed = changes.State.Values.OrderBy(i => i.Uid, StringComparer.Ordinal).Select(i => ToItem(i, defaults)).ToImmutableArray();
        var counted = CountedByLocation(basis.Database);
        return new DerivedForces(Party, at, basis, applied.ToImmutable(), listed, counted, Inventory.From(listed.Concat(counted)));
    }

    /// <summary>
    /// The party's own limits on <paramref name="at"/> (each party's and those named for it), counted by
    /// <see cref="ComplianceEvaluator"/> over <see cref="ForcesAt"/> under the agreed reading, beside the aggregate numbers
    /// the basis database declares. A group's limits count every member's forces, so they are not here: see
    /// <see cref="TreatyRecord.ComplianceAt"/>.
    /// </summary>
    public RecordCompliance ComplianceAt(LocalDate at)
    {
        var forces = ForcesAt(at);
        var report = ComplianceEvaluator.Evaluate(Treaty, forces.Inventory, at, Interpretation.Agreed, Party);
        report = report with { Scopes = [.. report.Scopes.Where(s => s.Scope == Party.Value)] };
        var declared = forces.Basis?.Database.Aggregates.ToImmutableSortedDictionary(a => a.Limit, a => a.Value, StringComparer.Ordinal)
            ?? ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal);
        return new RecordCompliance(forces, report, declared);
    }

    /// <summary>
    /// The party's notification deadlines on <paramref name="asOf"/>, as far as its own log can give them (see
    /// <see cref="RecordDeadlines.Coverage"/>): the calendar's obligations from the treaty and one obligation per change
    /// the party notified. Replies to other parties' notifications need their records: they are not assessed here, but
    /// by <see cref="TreatyRecord.DeadlinesAt"/>.
    /// </summary>
    public RecordDeadlines DeadlinesAt(LocalDate asOf) =>
        DeadlinesAt(asOf, [], [], [.. Treaty.Parties.Select(p => p.Code).Where(p => p != Party)]);

    /// <summary>
    /// The deadlines with the replies owed to <paramref name="received"/>, the notifications of the parties
    /// <paramref name="receivedFrom"/> (all of those held). A reply is assessed when it answers one of them, or when no
    /// other party's record is missing (<paramref name="notHeld"/> is empty): then a reply that answers nothing received
    /// is unmatched.
    /// </summary>
    internal RecordDeadlines DeadlinesAt(LocalDate asOf, IReadOnlyCollection<NotificationDocument> received, ImmutableArray<PartyCode> receivedFrom, ImmutableArray<PartyCode> notHeld)
    {
        var documents = Notifications.Select(n => n.Document).ToList();
        var obligations = ObligationGenerator.Generate(Treaty, Party, NoEvents, [], received, asOf).ToList();
        var entry = Treaty.Dates.EntryIntoForce;
        foreach (var document in documents)
        {
            // Each change notified makes the obligation it discharges: owed for an event after entry into force
            // while the treaty is in force for the party, as the generator owes it from a ledger.
            if (Treaty.FindNotification(document.Type) is { Trigger: OnItemEvents } type
                && document.Triggered > entry && Treaty.StandingAt(document.Triggered, Party) == TreatyStanding.InForce)
            {
                var at = document.Triggered.AtMidnight();
                obligations.Add(new Obligation(type, Party, document.Subject, at, type.Deadline.DueFor(at), document.Fields));
            }
        }

        // The notifications received, by type and number: a reply names the number it answers as its subject.
        var answerable = received.Where(d => d.Party != Party).Select(d => (d.Type, d.Number)).ToHashSet();
        var notAssessed = documents.Where(d => Treaty.FindNotification(d.Type)?.Trigger switch
        {
            OnActivity => true,
            OnReceipt reply => !notHeld.IsEmpty && !answerable.Contains((reply.NotificationId, d.Subject)),
            _ => false,
        }).ToImmutableArray();
        var assessed = documents.Except(notAssessed);
        var report = DeadlineTracker.Track(Treaty, Party, obligations.DistinctBy(o => o.Key, StringComparer.Ordinal), assessed, asOf);
        return new RecordDeadlines(report, notAssessed, receivedFrom, notHeld);
    }

    /// <summary>
    /// The reconciliation of the party's record on <paramref name="asOf"/> (<see cref="Reconciler.Reconcile"/>): its
    /// databases as of that date or earlier against the notifications triggered by then. When the treaty has no data
    /// exchange (<see cref="Definition"/> is <c>null</c>) there are no databases to reconcile, and the report is empty.
    /// </summary>
    public ReconciliationReport FindingsAt(LocalDate asOf) =>
        Definition is null ? new ReconciliationReport(Party, 0, 0, []) : Reconciler.Reconcile(
            Treaty,
            Definition,
            Party,
            Declarations.Select(d => d.Database).Where(d => d.AsOf <= asOf),
            Notifications.Select(n => n.Document).Where(d => d.Triggered <= asOf),
            asOf);

    /// <summary>
    /// Every statement that mentions the item <paramref name="uid"/>, in date order (a database before a notification
    /// of the same date, then in log order): each database that lists it, and each notification about it.
    /// </summary>
    public ImmutableArray<ItemHistoryEntry> HistoryOf(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var listings = Declarations
            .Select(d => (d, Item: d.Database.ListedItems().GetValueOrDefault(uid)))
            .Where(x => x.Item is not null)
            .Select(x => new ItemHistoryEntry(x.d.Database.AsOf, x.d.Index, StatementTypes.Declaration, x.Item, null));
        var notified = Notifications
            .Where(n => NotifiedChanges.UidOf(n.Document) == uid || n.Document.Subject.StartsWith(uid + ":", StringComparison.Ordinal))
            .Select(n => new ItemHistoryEntry(n.Document.Triggered, n.Index, StatementTypes.Notification, null, n.Document));
        return [.. listings.Concat(notified).OrderBy(e => e.Date).ThenBy(e => e.Type == StatementTypes.Declaration ? 0 : 1).ThenBy(e => e.Index)];
    }

    /// <summary>A listed item as an inventory item, with the further attributes its category fixes (a single value it requires).</summary>
    private Item ToItem(DatabaseItem item, Dictionary<string, string> defaults)
    {
        var attributes = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        var category = (Definition?.Categories ?? []).FirstOrDefault(c => c.Detail == CategoryDetail.Items && c.Where.All(w => w.Attribute switch
        {
            "kind" => w.Holds(item.Kind),
            "status" => w.Holds(item.Status),
            "type" => w.Holds(item.Type),
            _ => true,
        }));
        foreach (var condition in category?.Where ?? [])
        {
            if (!Item.BuiltInAttributes.Contains(condition.Attribute) && !condition.Negated && condition.Values.Length == 1
                && defaults.GetValueOrDefault(condition.Attribute) != condition.Values[0])
            {
                attributes = attributes.SetItem(condition.Attribute, condition.Values[0]);
            }
        }

        return new Item(item.Uid, Party, item.Kind, item.Type, item.Status, item.Warheads, item.Location, attributes);
    }

    /// <summary>One item per unit of the database's facility holdings that its listed items do not account for.</summary>
    private ImmutableArray<Item> CountedByLocation(Database database)
    {
        var listed = database.ListedItems().Values
            .GroupBy(i => (i.Location, i.Kind, i.Status))
            .ToDictionary(g => g.Key, g => g.LongCount());
        var items = ImmutableArray.CreateBuilder<Item>();
        foreach (var facility in database.Facilities)
        {
            foreach (var holding in facility.Holdings)
            {
                var rest = holding.Count - listed.GetValueOrDefault((facility.Location, holding.Kind, holding.Status));
                for (var n = 1; n <= rest; n++)
                {
                    var uid = string.Create(CultureInfo.InvariantCulture, $"@{facility.Location}/{holding.Kind}/{holding.Status}/{n}");
                    items.Add(new Item(uid, Party, holding.Kind, string.Empty, holding.Status, 0, facility.Location));
                }
            }
        }

        return items.ToImmutable();
    }
}
