using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Core.Reconciliation;

/// <summary>
/// A party's listed items rebuilt from one of its databases plus the changes it notified after it: the one place
/// where a <c>change-in-data</c> notification is applied to items, shared by <see cref="Reconciler"/> and the
/// derived views of a party's record (<see cref="Records.PartyRecord"/>).
/// </summary>
/// <remarks>
/// Items are followed where the databases list them one by one; a notification about an item of a kind the
/// databases only count by location is not applied. Each change applied reports what is impossible about it
/// (an item that reappears after its elimination, a uid produced twice, an item never declared, a move from
/// elsewhere) as a <see cref="Finding"/>.
/// </remarks>
internal sealed class NotifiedChanges
{
    private readonly HashSet<string> _declared;
    private readonly HashSet<string> _listedKinds;

    /// <summary>Starts from <paramref name="basis"/>; <paramref name="databases"/> (all the party's) give what was ever declared and which kinds are listed.</summary>
    public NotifiedChanges(IReadOnlyList<Database> databases, Database basis)
    {
        _listedKinds = databases.SelectMany(d => d.ListedItems().Values).Select(i => i.Kind).ToHashSet(StringComparer.Ordinal);
        _declared = new HashSet<string>(databases.SelectMany(d => d.ListedItems().Keys), StringComparer.Ordinal);
        Reset(basis);
    }

    /// <summary>Each listed item as rebuilt, by uid.</summary>
    public Dictionary<string, DatabaseItem> State { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Items eliminated or lost, with how and when.</summary>
    public Dictionary<string, string> Gone { get; } = new(StringComparer.Ordinal);

    /// <summary>The notification type whose documents carry changes to items (the one triggered by item events), or <c>null</c>.</summary>
    public static NotificationType? ChangeType(Treaty treaty) => treaty.Notifications.FirstOrDefault(t => t.Trigger is OnItemEvents);

    /// <summary>Documents in the order their changes apply: by date, then as the party sent and numbered them.</summary>
    public static IEnumerable<NotificationDocument> InOrder(IEnumerable<NotificationDocument> documents) => InOrder(documents, d => d);

    /// <summary>Values holding documents, in the order their changes apply.</summary>
    public static IEnumerable<T> InOrder<T>(IEnumerable<T> values, Func<T, NotificationDocument> document) =>
        values.OrderBy(v => document(v).Triggered).ThenBy(v => document(v).Sent).ThenBy(v => document(v).Number, StringComparer.Ordinal);

    /// <summary>The uid a change is about.</summary>
    public static string UidOf(NotificationDocument document) => document.Fields.GetValueOrDefault("uid") ?? document.Subject;

    /// <summary>Starts again from a database as provided.</summary>
    public void Reset(Database basis) =>
        State = basis.ListedItems().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>Applies one change; returns whether it concerned a listed kind (and was applied or found impossible).</summary>
    public bool Apply(NotificationDocument document, List<Finding> findings)
    {
        var fields = document.Fields;
        var uid = UidOf(document);
        var kind = fields.GetValueOrDefault("kind");
        if (kind is not null && !_listedKinds.Contains(kind))
        {
            return false;
        }

        var evidence = $"notification {document.Number}";
        LocalDate date = document.Triggered;
        var change = fields.GetValueOrDefault("event") ?? "change";
        if (Gone.TryGetValue(uid, out var end))
        {
            findings.Add(new Finding(FindingKind.EliminatedItemReappears, date, uid, evidence, $"{change} notified after the item was {end}"));
            return true;
        }

        State.TryGetValue(uid, out var before);
        if (change == "produced")
        {
            if (before is not null)
            {
                findings.Add(new Finding(FindingKind.UidUsedTwice, date, uid, evidence, $"produced while {uid} is listed as a {before.Kind} {before.Type} at {before.Location}"));
            }

            _declared.Add(uid);
        }
        else if (before is null)
        {
            findings.Add(_declared.Contains(uid)
                ? new Finding(FindingKind.DatabaseMismatch, date, uid, evidence, $"{change} notified for an item the previous database does not list")
                : new Finding(FindingKind.UndeclaredItem, date, uid, evidence, $"{change} notified for an item never declared"));
            return true;
        }

        if (change == "moved" && before is not null && fields.GetValueOrDefault("from") is { } from && from != before.Location)
        {
            findings.Add(new Finding(FindingKind.MoveFromElsewhere, date, uid, evidence, $"moved from {from}, but the record has it at {before.Location}"));
        }

        if (change is "eliminated" or "lost")
        {
            State.Remove(uid);
            Gone[uid] = $"{change} on {date:yyyy-MM-dd}";
            return true;
        }

        State[uid] = new DatabaseItem(
            uid,
            kind ?? before?.Kind ?? string.Empty,
            fields.GetValueOrDefault("type") ?? before?.Type ?? string.Empty,
            fields.GetValueOrDefault("status") ?? before?.Status ?? string.Empty,
            fields.GetValueOrDefault("location") ?? before?.Location ?? string.Empty,
            before?.Warheads ?? 0);
        return true;
    }
}
