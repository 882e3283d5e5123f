using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Core.Reconciliation;

/// <summary>
/// Rebuilds another party's forces from what it provided — its databases and its notifications — and checks that
/// each database equals the previous one plus the changes notified between them, that every notification came in
/// time, that every scheduled database came, and that no transition is impossible.
/// </summary>
/// <remarks>
/// Items are followed where the databases list them one by one; a notification about an item of a kind the
/// databases only count by location is checked for timeliness but not applied. Warheads change only through the
/// six-month update, so they are compared with no notification in between. Notifications before the first database
/// provided are checked for timeliness only; those after the last are applied and their transitions checked.
/// </remarks>
public static class Reconciler
{
    /// <summary>Reconciles one party's record.</summary>
    /// <param name="treaty">The treaty (notification deadlines, lifecycle).</param>
    /// <param name="definition">The database definition (schedule, categories).</param>
    /// <param name="party">The party.</param>
    /// <param name="databases">Its databases, in any order.</param>
    /// <param name="notifications">Its notifications (others' are ignored).</param>
    /// <param name="asOf">The date of the reconciliation: databases due by then are expected.</param>
    public static ReconciliationReport Reconcile(
        Treaty treaty,
        ExchangeDefinition definition,
        PartyCode party,
        IEnumerable<Database> databases,
        IEnumerable<NotificationDocument> notifications,
        LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(definition);
        var findings = new List<Finding>();
        var dbs = databases.Where(d => d.Party == party).OrderBy(d => d.AsOf).ToList();
        // Changes apply in the order they occurred: by date, then as the party sent and numbered them.
        var documents = NotifiedChanges.InOrder(notifications.Where(n => n.Party == party)).ToList();

        MissingDatabases(treaty, definition, party, dbs, asOf, findings);
        LateNotifications(treaty, documents, findings);
        foreach (var db in dbs)
        {
            ImpossibleDatabase(treaty, definition, db, findings);
        }

        var applied = 0;
        if (dbs.Count > 0)
        {
            var changes = new NotifiedChanges(dbs, dbs[0]);
            var changeType = NotifiedChanges.ChangeType(treaty);
            for (var n = 1; n < dbs.Count; n++)
            {
                var (previous, current) = (dbs[n - 1], dbs[n]);
                var notified = new HashSet<string>(StringComparer.Ordinal);
                foreach (var document in documents.Where(d => d.Type == changeType?.Id && d.Triggered > previous.AsOf && d.Triggered <= current.AsOf))
                {
                    if (changes.Apply(document, findings))
                    {
                        notified.Add(NotifiedChanges.UidOf(document));
                        applied++;
                    }
                }

                Compare(current, changes.State.Where(kv => Listed(definition, kv.Value)).ToDictionary(StringComparer.Ordinal), notified, changes.Gone, findings);

                // The database as provided is the base of the next period: one discrepancy is reported once.
                changes.Reset(current);
                foreach (var uid in changes.Gone.Keys.Where(changes.State.ContainsKey).ToList())
                {
                    findings.Add(new Finding(FindingKind.EliminatedItemReappears, current.AsOf, uid, $"database as of {current.AsOf:yyyy-MM-dd}", $"listed again after it was {changes.Gone[uid]}"));
                    changes.Gone.Remove(uid);
                }
            }

            // Changes notified after the last database are applied too: no database to compare yet, but the
            // transitions themselves are checked.
            var last = dbs[^1].AsOf;
            foreach (var document in documents.Where(d => d.Type == changeType?.Id && d.Triggered > last))
            {
                if (changes.Apply(document, findings))
                {
                    applied++;
                }
            }
        }

        return new ReconciliationReport(party, dbs.Count, applied, [.. findings.OrderBy(f => f.Date).ThenBy(f => f.Subject, StringComparer.Ordinal)]);
    }

    /// <summary>Whether a category that lists items one by one would list this one (judged on kind and status).</summary>
    internal static bool Listed(ExchangeDefinition definition, DatabaseItem item) =>
        definition.Categories.Any(c => c.Detail == CategoryDetail.Items && c.Where.All(w => w.Attribute switch
        {
            "kind" => w.Holds(item.Kind),
            "status" => w.Holds(item.Status),
            "type" => w.Holds(item.Type),
            _ => true,
        }));

    private static void Compare(Database current, Dictionary<string, DatabaseItem> expected, HashSet<string> notified, Dictionary<string, string> gone, List<Finding> findings)
    {
        var listed = current.ListedItems();
        var evidence = $"database as of {current.AsOf:yyyy-MM-dd}";
        foreach (var (uid, item) in listed)
        {
            if (gone.ContainsKey(uid))
            {
                // Reported once, as an eliminated item reappearing.
                continue;
            }

            if (!expected.TryGetValue(uid, out var want))
            {
                findings.Add(new Finding(FindingKind.MissingNotification, current.AsOf, uid, evidence, $"listed as a {item.Kind} {item.Type} ({item.Status}, {item.Location}) with no notification of its arrival"));
                continue;
            }

            var differences = new List<string>();
            if (item.Status != want.Status)
            {
                differences.Add($"status {item.Status}, notifications give {want.Status}");
            }

            if (item.Location != want.Location)
            {
                differences.Add($"location {item.Location}, notifications give {want.Location}");
            }

            if (item.Type != want.Type)
            {
                differences.Add($"type {item.Type}, notifications give {want.Type}");
            }

            if (differences.Count > 0)
            {
                var kind = notified.Contains(uid) ? FindingKind.DatabaseMismatch : FindingKind.MissingNotification;
                findings.Add(new Finding(kind, current.AsOf, uid, evidence, string.Join("; ", differences)));
            }
        }

        foreach (var (uid, want) in expected.Where(e => !listed.ContainsKey(e.Key)))
        {
            findings.Add(new Finding(FindingKind.MissingNotification, current.AsOf, uid, evidence, $"no longer listed ({want.Kind} {want.Type}, last {want.Status} at {want.Location}) with no notification of its elimination, loss or conversion"));
        }
    }

    private static void ImpossibleDatabase(Treaty treaty, ExchangeDefinition definition, Database db, List<Finding> findings)
    {
        var evidence = $"database as of {db.AsOf:yyyy-MM-dd}";
        foreach (var item in db.ListedItems().Values.Where(i => i.Warheads > 0 && treaty.RoleOf(i.Status) != StatusRole.Deployed))
        {
            findings.Add(new Finding(FindingKind.WarheadsOnNonDeployedMissile, db.AsOf, item.Uid, evidence, $"{item.Warheads} warhead(s) on a {item.Status} {item.Kind}"));
        }

        foreach (var category in definition.Categories.Where(c => c.HeldIn is not null))
        {
            var held = db[category.Id];
            var holders = db[category.HeldIn!];
            if (held is null || holders is null)
            {
                continue;
            }

            var capacity = holders.ByLocation.ToDictionary(l => l.Location, l => l.Count, StringComparer.Ordinal);
            foreach (var at in held.ByLocation)
            {
                var room = capacity.GetValueOrDefault(at.Location);
                if (at.Count > room)
                {
                    findings.Add(new Finding(FindingKind.MissileInNoLauncher, db.AsOf, at.Location, evidence, $"{at.Count} {held.Name.ToLowerInvariant()} at {at.Location}, but {room} {holders.Name.ToLowerInvariant()}"));
                }
            }
        }
    }

    private static void LateNotifications(Treaty treaty, List<NotificationDocument> documents, List<Finding> findings)
    {
        foreach (var document in documents)
        {
            if (treaty.FindNotification(document.Type) is not { } type || type.Deadline.InAdvance)
            {
                continue;
            }

            var due = type.Deadline.DueFor(document.Triggered.AtMidnight());
            if (document.Sent > due)
            {
                findings.Add(new Finding(FindingKind.LateNotification, document.Triggered, document.Subject, $"notification {document.Number}",
                    $"{type.Id} provided {document.Sent:yyyy-MM-dd HH:mm}, due by {due:yyyy-MM-dd HH:mm} ({type.Reference})"));
            }
        }
    }

    private static void MissingDatabases(Treaty treaty, ExchangeDefinition definition, PartyCode party, List<Database> dbs, LocalDate asOf, List<Finding> findings)
    {
        var provided = dbs.Select(d => d.AsOf).ToHashSet();
        foreach (var exchange in definition.ScheduleFrom(treaty.Dates.EntryIntoForce).Exchanges(asOf))
        {
            if (exchange.Due < asOf && !provided.Contains(exchange.AsOf) && treaty.StandingAt(exchange.AsOf, party) == TreatyStanding.InForce)
            {
                findings.Add(new Finding(FindingKind.MissingDatabase, exchange.Due, exchange.AsOf.ToString("yyyy-MM-dd", null), "schedule",
                    $"no database as of {exchange.AsOf:yyyy-MM-dd}, due by {exchange.Due:yyyy-MM-dd}"));
            }
        }
    }
}
