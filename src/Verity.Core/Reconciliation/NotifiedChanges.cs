using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Notifications;
using Verity.Core.Text;
using Verity.Core.Treaties;

namespace Verity.Core.Reconciliation;

/// <summary>
/// A party's items rebuilt from one of its databases plus the changes it notified after it: the one place where a
/// <c>change-in-data</c> notification is applied to items, shared by <see cref="Reconciler"/> and the derived views of a
/// party's record (<see cref="Records.PartyRecord"/>).
/// </summary>
/// <remarks>
/// Each notification is checked as a <b>transition</b>: it is turned into the <see cref="ItemEvent"/> it reports and
/// applied to the state the record holds through <see cref="Ledger.TryApply"/>, the ledger's own state machine. The
/// state it starts from must be the record's (<c>from</c> where the item was; a deployment needs an item not deployed;
/// a production an unknown uid), and the state it gives must be the one the event gives (a move keeps the status, a
/// status change the location). Items the databases list one by one are followed by uid; items they only count by
/// location (launchers) are followed as numbers by location, kind and status, and by uid once a notification names
/// one. What is impossible is reported as a <see cref="Finding"/>; the notified state is then taken, so that one
/// discrepancy is reported once.
/// </remarks>
internal sealed partial class NotifiedChanges
{
    private readonly PartyCode _party;
    private readonly string _deployedStatus;
    private readonly string? _convertedStatus;
    private readonly Dictionary<string, LocalDate> _declared = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listedKinds;
    private readonly HashSet<string> _notified = new(StringComparer.Ordinal);
    private LocalDate _basis;

    /// <summary>Starts from <paramref name="basis"/>; <paramref name="databases"/> (all the party's) give what was ever declared and which kinds are listed.</summary>
    public NotifiedChanges(Treaty treaty, IReadOnlyList<Database> databases, Database basis)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        _party = basis.Party;
        _deployedStatus = treaty.StatusFor(StatusRole.Deployed) ?? StatusRole.Deployed;
        _convertedStatus = treaty.StatusFor(StatusRole.Converted);
        _listedKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var database in databases.OrderBy(d => d.AsOf))
        {
            foreach (var item in database.Categories.SelectMany(c => c.Items))
            {
                // Each uid with the first database that lists it.
                _listedKinds.Add(item.Kind);
                _declared.TryAdd(item.Uid, database.AsOf);
            }
        }

        Reset(basis);
    }

    /// <summary>Each listed item as rebuilt, by uid.</summary>
    public Dictionary<string, DatabaseItem> State { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Items eliminated or lost, with how and when.</summary>
    public Dictionary<string, Phrase> Gone { get; } = new(StringComparer.Ordinal);

    /// <summary>The notification type whose documents carry changes to items (the one triggered by item events), or <c>null</c>.</summary>
    public static NotificationType? ChangeType(Treaty treaty) => treaty.Notifications.FirstOrDefault(t => t.Trigger is OnItemEvents);

    /// <summary>Documents in the order their changes apply: by date, then as the party sent and numbered them.</summary>
    public static IEnumerable<NotificationDocument> InOrder(IEnumerable<NotificationDocument> documents) => InOrder(documents, d => d);

    /// <summary>Values holding documents, in the order their changes apply.</summary>
    public static IEnumerable<T> InOrder<T>(IEnumerable<T> values, Func<T, NotificationDocument> document) =>
        values.OrderBy(v => document(v).Triggered).ThenBy(v => document(v).Sent).ThenBy(v => document(v).Number, StringComparer.Ordinal);

    /// <summary>The uid a change is about.</summary>
    public static string UidOf(NotificationDocument document) => document.Fields.GetValueOrDefault("uid") ?? document.Subject;

    /// <summary>Starts again from a database as provided: its listed items, and its numbers of the items it only counts.</summary>
    public void Reset(Database basis) => Reset(basis, Listing(basis));

    /// <summary>Starts again from a database as provided, whose <see cref="Listing"/> is at hand (and is kept as <see cref="State"/>).</summary>
    public void Reset(Database basis, Dictionary<string, DatabaseItem> listing)
    {
        State = listing;
        _basis = basis.AsOf;
        ResetCounted(basis);
    }

    /// <summary>A database's listed items by uid, as <see cref="Database.ListedItems"/> gives them (the first category that lists an item), in a hash table.</summary>
    public static Dictionary<string, DatabaseItem> Listing(Database database)
    {
        var listing = new Dictionary<string, DatabaseItem>(StringComparer.Ordinal);
        foreach (var item in database.Categories.SelectMany(c => c.Items))
        {
            listing.TryAdd(item.Uid, item);
        }

        return listing;
    }

    /// <summary>
    /// Applies one change (or finds it impossible); returns whether it concerned an item the databases list one by one
    /// (<see cref="State"/>, or one eliminated or lost), rather than one they only count.
    /// </summary>
    public bool Apply(NotificationDocument document, List<Finding> findings)
    {
        var uid = UidOf(document);
        var change = document.Fields.GetValueOrDefault("event") ?? "change";
        if (Gone.TryGetValue(uid, out var end))
        {
            findings.Add(new Finding(FindingKind.EliminatedItemReappears, document.Triggered, uid, Evidence(document), Wordings.ChangedAfterEnd.With(PhraseValue.Event(change), end)));
            return true;
        }

        var kind = document.Fields.GetValueOrDefault("kind");
        var listed = !_counted.ContainsKey(uid) && (State.ContainsKey(uid) || _declared.ContainsKey(uid) || kind is null || _listedKinds.Contains(kind));
        if (listed)
        {
            ApplyListed(document, uid, change, findings);
        }
        else
        {
            ApplyCounted(document, uid, change, findings);
        }

        _notified.Add(uid);
        return listed;
    }

    private void ApplyListed(NotificationDocument document, string uid, string change, List<Finding> findings)
    {
        var date = document.Triggered;
        State.TryGetValue(uid, out var held);
        if (change == "produced")
        {
            if (held is not null)
            {
                findings.Add(new Finding(FindingKind.UidUsedTwice, date, uid, Evidence(document), Wordings.ProducedWhileListed.With(uid, PhraseValue.Kind(held.Kind), held.Type, held.Location)));
            }
            else if (Known(uid))
            {
                findings.Add(new Finding(FindingKind.UidUsedTwice, date, uid, Evidence(document), Wordings.ProducedDeclaredBefore.With(uid)));
            }

            var made = Notified(document, uid, null);
            Produced(document, made, findings);
            State[uid] = ToListed(made);
            _declared.TryAdd(uid, date);
            return;
        }

        if (held is null)
        {
            findings.Add(_declared.ContainsKey(uid)
                ? new Finding(FindingKind.DatabaseMismatch, date, uid, Evidence(document), Wordings.NotInPreviousDatabase.With(PhraseValue.Event(change)))
                : new Finding(FindingKind.UndeclaredItem, date, uid, Evidence(document), Wordings.NeverDeclared.With(PhraseValue.Event(change))));
            return;
        }

        var after = Transition(document, change, ToItem(held), findings);
        if (change is "eliminated" or "lost")
        {
            State.Remove(uid);
            Gone[uid] = Wordings.Ended.With(PhraseValue.Event(change), date);
        }
        else
        {
            State[uid] = ToListed(after);
        }
    }

    /// <summary>
    /// Checks one notified change against the state <paramref name="before"/> the record holds, through the ledger's
    /// transition, and returns the state the notification gives (taken from here on, whatever was found).
    /// </summary>
    private Item Transition(NotificationDocument document, string change, Item before, List<Finding> findings)
    {
        var (date, uid, evidence) = (document.Triggered, before.Uid, Evidence(document));
        if (document.Fields.GetValueOrDefault("from") is { } from && from != before.Location)
        {
            findings.Add(new Finding(FindingKind.MoveFromElsewhere, date, uid, evidence, change == "moved"
                ? Wordings.MovedFromElsewhere.With(from, before.Location)
                : Wordings.ChangedFromElsewhere.With(PhraseValue.Event(change), from, before.Location)));
        }

        var notified = Notified(document, uid, before);
        if (EventOf(document, change, before) is not { } e)
        {
            return notified;
        }

        if (change == "status-changed" && notified.Status == _convertedStatus)
        {
            // The converted status comes only with the conversion procedures, notified as a conversion.
            findings.Add(new Finding(FindingKind.ImpossibleTransition, date, uid, evidence, Wordings.ConvertedByStatusChange.With(PhraseValue.Status(_convertedStatus!), Describe(before))));
            return notified;
        }

        if (!Ledger.TryApply(before, e, out var after, out var problem))
        {
            findings.Add(new Finding(FindingKind.ImpossibleTransition, date, uid, evidence, Wordings.ImpossibleChange.With(problem, Describe(before))));
            return notified;
        }

        var claimed = new List<Phrase>();
        var computed = new List<Phrase>();
        foreach (var (field, mine, its) in new[] { ("kind", notified.Kind, after.Kind), ("type", notified.Type, after.Type), ("status", notified.Status, after.Status), ("location", notified.Location, after.Location) })
        {
            if (mine != its)
            {
                claimed.Add(PhraseValue.FieldValue(field, mine));
                computed.Add(PhraseValue.FieldValue(field, its));
            }
        }

        if (claimed.Count > 0)
        {
            findings.Add(new Finding(FindingKind.TransitionMismatch, date, uid, evidence,
                Wordings.NotifiedWith.With(PhraseValue.Event(change), PhraseValue.List(claimed, semicolons: false), Describe(before), PhraseValue.List(computed, semicolons: false))));
        }

        return notified;
    }

    /// <summary>
    /// The event a change notification reports, applied to <paramref name="before"/>; <c>null</c> for an event the ledger
    /// does not know. A deployment gives the treaty's deployed status, a conversion its converted status (where it has one).
    /// </summary>
    private ItemEvent? EventOf(NotificationDocument document, string change, Item before)
    {
        var fields = document.Fields;
        var (date, uid) = (document.Triggered, before.Uid);
        return change switch
        {
            "deployed" => new ItemDeployed(date, uid, fields.GetValueOrDefault("location") ?? before.Location) { Status = _deployedStatus },
            "moved" => new ItemMoved(date, uid, fields.GetValueOrDefault("location") ?? before.Location),
            "status-changed" => new ItemStatusChanged(date, uid, fields.GetValueOrDefault("status") ?? before.Status),
            "converted" => new ItemConverted(date, uid, _convertedStatus ?? fields.GetValueOrDefault("status") ?? before.Status, fields.GetValueOrDefault("kind"), fields.GetValueOrDefault("type"), Items.Item.NoAttributes),
            "eliminated" => new ItemEliminated(date, uid),
            "lost" => new ItemLost(date, uid),
            _ => null,
        };
    }

    /// <summary>A production's <c>from</c>, where the notification gives one, is where the item is produced: it was nowhere before.</summary>
    private static void Produced(NotificationDocument document, Item made, List<Finding> findings)
    {
        if (document.Fields.GetValueOrDefault("from") is { } from && from != made.Location)
        {
            findings.Add(new Finding(FindingKind.MoveFromElsewhere, document.Triggered, made.Uid, Evidence(document), Wordings.ProducedFromElsewhere.With(from, made.Location)));
        }
    }

    /// <summary>The item as the notification gives it after the change, the record's values where it is silent.</summary>
    private Item Notified(NotificationDocument document, string uid, Item? before)
    {
        var fields = document.Fields;
        return new Item(
            uid,
            _party,
            fields.GetValueOrDefault("kind") ?? before?.Kind ?? string.Empty,
            fields.GetValueOrDefault("type") ?? before?.Type ?? string.Empty,
            fields.GetValueOrDefault("status") ?? before?.Status ?? string.Empty,
            before?.Warheads ?? 0,
            fields.GetValueOrDefault("location") ?? before?.Location ?? string.Empty);
    }

    /// <summary>Whether a uid was seen before: named in a notification, or listed in a database up to the basis.</summary>
    private bool Known(string uid) => _notified.Contains(uid) || (_declared.TryGetValue(uid, out var first) && first <= _basis);

    private static Phrase Describe(Item item) => Wordings.Item.With(PhraseValue.Kind(item.Kind), item.Type, PhraseValue.Status(item.Status), item.Location);

    /// <summary>Where a finding about <paramref name="document"/> was seen: the notification, by its number.</summary>
    public static Phrase Evidence(NotificationDocument document) => Wordings.Notification.With(document.Number);

    private Item ToItem(DatabaseItem item) => new(item.Uid, _party, item.Kind, item.Type, item.Status, item.Warheads, item.Location);

    private static DatabaseItem ToListed(Item item) => new(item.Uid, item.Kind, item.Type, item.Status, item.Location, item.Warheads);
}
