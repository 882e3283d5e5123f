using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Notifications;
using Verity.Core.Text;

namespace Verity.Core.Reconciliation;

internal sealed partial class NotifiedChanges
{
    /// <summary>Items the databases only count, not yet named by a notification: how many at each location, of each kind and status.</summary>
    private readonly Dictionary<(string Location, string Kind, string Status), long> _pool = [];

    /// <summary>Counted items a notification has named, followed by uid.</summary>
    private readonly Dictionary<string, Item> _counted = new(StringComparer.Ordinal);

    /// <summary>Counted items that left a status the notification does not state, of several the place held: resolved against the next database.</summary>
    private readonly List<(string Location, string Kind, string[] From)> _unresolved = [];

    /// <summary>The places and kinds of counted items a notification changed since the basis.</summary>
    private readonly HashSet<(string Location, string Kind)> _touched = [];

    /// <summary>
    /// Compares the numbers of counted items (by location, kind and status) that the basis plus the notified changes
    /// give with the database's facilities; reports each place where they cannot be equal.
    /// </summary>
    /// <remarks>
    /// A status change of an item not yet named carries its new status only: where the place held that kind in
    /// several other statuses, the status it left is one of them, and the database decides which — the comparison
    /// fails only when no choice of the statuses left makes the numbers equal.
    /// </remarks>
    public void CompareCounted(Database current, List<Finding> findings)
    {
        var expected = new Dictionary<(string Location, string Kind, string Status), long>(_pool);
        foreach (var item in _counted.Values)
        {
            var key = (item.Location, item.Kind, item.Status);
            expected[key] = expected.GetValueOrDefault(key) + 1;
        }

        var actual = Counted(current);
        var evidence = Wordings.Database.With(current.AsOf);
        var groups = expected.Keys.Concat(actual.Keys).Select(k => (k.Location, k.Kind)).Distinct()
            .OrderBy(g => g.Location, StringComparer.Ordinal).ThenBy(g => g.Kind, StringComparer.Ordinal);
        foreach (var (location, kind) in groups)
        {
            var statuses = expected.Keys.Concat(actual.Keys).Where(k => k.Location == location && k.Kind == kind).Select(k => k.Status)
                .Distinct().Order(StringComparer.Ordinal).ToList();
            var departures = _unresolved.Where(u => u.Location == location && u.Kind == kind).Select(u => u.From).ToList();
            var rest = statuses.ToDictionary(s => s, s => expected.GetValueOrDefault((location, kind, s)) - actual.GetValueOrDefault((location, kind, s)), StringComparer.Ordinal);
            if (Explained(rest, departures))
            {
                continue;
            }

            PhraseValue Numbers(Func<string, long> count) => PhraseValue.List(statuses.Select(s => Wordings.InStatus.With(count(s), PhraseValue.Status(s))), semicolons: false);
            var (held, notified) = (Numbers(s => actual.GetValueOrDefault((location, kind, s))), Numbers(s => expected.GetValueOrDefault((location, kind, s))));
            findings.Add(new Finding(
                _touched.Contains((location, kind)) ? FindingKind.DatabaseMismatch : FindingKind.MissingNotification,
                current.AsOf,
                location,
                evidence,
                departures.Count == 0
                    ? Wordings.CountsDiffer.With(PhraseValue.Kind(kind), location, held, notified)
                    : Wordings.CountsDifferUnstated.With(PhraseValue.Kind(kind), location, held, notified, departures.Count)));
        }
    }

    private void ApplyCounted(NotificationDocument document, string uid, string change, List<Finding> findings)
    {
        var fields = document.Fields;
        var (date, kind) = (document.Triggered, fields.GetValueOrDefault("kind") ?? string.Empty);
        if (change == "produced")
        {
            // A production needs a uid never seen: not one named before, and not one the record still follows.
            if (Known(uid) || _counted.ContainsKey(uid))
            {
                findings.Add(new Finding(FindingKind.UidUsedTwice, date, uid, Evidence(document), Wordings.ProducedNotifiedBefore.With(uid)));
            }

            var made = Notified(document, uid, null);
            Produced(document, made, findings);
            _counted[uid] = made;
            _touched.Add((made.Location, made.Kind));
            return;
        }

        if (!_counted.TryGetValue(uid, out var before))
        {

            // Not named before: it leaves the numbers the record holds at the place it was.
            var from = fields.GetValueOrDefault("from") ?? fields.GetValueOrDefault("location") ?? string.Empty;
            var status = fields.GetValueOrDefault("status") ?? string.Empty;
            string[] left = change switch
            {
                "status-changed" or "converted" => [.. Statuses(from, kind).Where(s => s != status)],
                "deployed" => [.. Statuses(from, kind).Where(s => s != _deployedStatus)],
                _ => Statuses(from, kind).Contains(status) ? [status] : [],
            };
            if (left.Length == 0)
            {
                findings.Add(new Finding(FindingKind.ImpossibleTransition, date, uid, Evidence(document), change is "status-changed" or "converted" or "deployed"
                    ? Wordings.NoneInOtherStatus.With(PhraseValue.Event(change), PhraseValue.Kind(kind), from)
                    : Wordings.NoneInStatus.With(PhraseValue.Event(change), PhraseValue.Kind(kind), from, PhraseValue.Status(status))));
                var taken = Notified(document, uid, null);
                _counted[uid] = taken;
                _touched.Add((from, kind));
                _touched.Add((taken.Location, taken.Kind));
                return;
            }

            if (left.Length == 1)
            {
                _pool[(from, kind, left[0])]--;
            }
            else
            {
                _unresolved.Add((from, kind, left));
            }

            before = new Item(uid, _party, kind, fields.GetValueOrDefault("type") ?? string.Empty, left[0], 0, from);
        }

        var after = Transition(document, change, before, findings);
        _touched.Add((before.Location, before.Kind));
        _touched.Add((after.Location, after.Kind));
        if (change is "eliminated" or "lost")
        {
            _counted.Remove(uid);
            Gone[uid] = Wordings.Ended.With(PhraseValue.Event(change), date);
        }
        else
        {
            _counted[uid] = after;
        }
    }

    /// <summary>The statuses in which the record holds, at a place, counted items of a kind not yet named.</summary>
    private IEnumerable<string> Statuses(string location, string kind) =>
        _pool.Where(p => p.Key.Location == location && p.Key.Kind == kind && p.Value > 0).Select(p => p.Key.Status).Order(StringComparer.Ordinal);

    /// <summary>The database's numbers of the items it counts (the kinds it never lists), by location, kind and status.</summary>
    private Dictionary<(string Location, string Kind, string Status), long> Counted(Database database) =>
        database.Facilities.SelectMany(f => f.Holdings.Where(h => !_listedKinds.Contains(h.Kind)).Select(h => (Key: (f.Location, h.Kind, h.Status), h.Count)))
            .ToDictionary(x => x.Key, x => x.Count);

    private void ResetCounted(Database basis)
    {
        _pool.Clear();
        foreach (var (key, count) in Counted(basis))
        {
            _pool[key] = count;
        }

        // Items named before stay named where the database still holds them; the others are numbers again.
        var unnamed = new List<string>();
        foreach (var (uid, item) in _counted)
        {
            var key = (item.Location, item.Kind, item.Status);
            if (_pool.GetValueOrDefault(key) > 0)
            {
                _pool[key]--;
            }
            else
            {
                unnamed.Add(uid);
            }
        }

        foreach (var uid in unnamed)
        {
            _counted.Remove(uid);
        }

        _unresolved.Clear();
        _touched.Clear();
    }

    /// <summary>
    /// Whether the departures from unstated statuses explain what the expected numbers have over the database's
    /// (<paramref name="rest"/>, by status): each departure takes one from a status it may have left, and every status
    /// is left exactly as often as its rest says (a matching, by augmenting paths).
    /// </summary>
    private static bool Explained(Dictionary<string, long> rest, List<string[]> departures)
    {
        if (rest.Values.Any(r => r < 0) || rest.Values.Sum() != departures.Count)
        {
            return false;
        }

        var slots = rest.Where(r => r.Value > 0).SelectMany(r => Enumerable.Repeat(r.Key, (int)r.Value)).ToList();
        var holder = new int[slots.Count];
        Array.Fill(holder, -1);
        for (var d = 0; d < departures.Count; d++)
        {
            if (!Assign(d, new bool[slots.Count]))
            {
                return false;
            }
        }

        return true;

        bool Assign(int d, bool[] seen)
        {
            for (var s = 0; s < slots.Count; s++)
            {
                if (!seen[s] && departures[d].Contains(slots[s], StringComparer.Ordinal))
                {
                    seen[s] = true;
                    if (holder[s] < 0 || Assign(holder[s], seen))
                    {
                        holder[s] = d;
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
