using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Notifications;
using Verity.Core.Text;
using Verity.Core.Treaties;

namespace Verity.Core.Reconciliation;

/// <summary>
/// Rebuilds another party's forces from what it provided — its databases and its notifications — and checks that
/// each database equals the previous one plus the changes notified between them, that every notification came in
/// time and is itself consistent, that every scheduled database came, and that every notified change is a possible
/// transition from the state the record holds.
/// </summary>
/// <remarks>
/// Each change is applied through <see cref="NotifiedChanges"/>, which takes it through the ledger's state machine
/// (<see cref="Items.Ledger.TryApply"/>). Items the databases list one by one are compared by uid; items they only
/// count (launchers) by location, kind and status. Warheads change without a change notification (Part Four: changes
/// in data on warheads come with the six-month update), so they are not compared between databases. Notifications
/// before the first database provided are checked for timeliness only; those after the last are applied and their
/// transitions checked.
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
        var changeType = NotifiedChanges.ChangeType(treaty);
        SelfContradictions(documents.Where(d => d.Type == changeType?.Id), findings);
        foreach (var db in dbs)
        {
            ImpossibleDatabase(treaty, definition, db, findings);
        }

        var applied = 0;
        if (dbs.Count > 0)
        {
            var changes = new NotifiedChanges(treaty, dbs, dbs[0]);
            var listed = new Dictionary<(string Kind, string Status, string Type), bool>();
            for (var n = 1; n < dbs.Count; n++)
            {
                var (previous, current) = (dbs[n - 1], dbs[n]);
                var notified = new HashSet<string>(StringComparer.Ordinal);
                foreach (var document in documents.Where(d => d.Type == changeType?.Id && d.Triggered > previous.AsOf && d.Triggered <= current.AsOf))
                {
                    changes.Apply(document, findings);
                    notified.Add(NotifiedChanges.UidOf(document));
                    applied++;
                }

                var listing = NotifiedChanges.Listing(current);
                Compare(current.AsOf, listing, changes.State, IsListed, notified, changes.Gone, findings);
                changes.CompareCounted(current, findings);

                // The database as provided is the base of the next period: one discrepancy is reported once.
                changes.Reset(current, listing);
                foreach (var uid in changes.Gone.Keys.Where(changes.State.ContainsKey).ToList())
                {
                    findings.Add(new Finding(FindingKind.EliminatedItemReappears, current.AsOf, uid, Wordings.Database.With(current.AsOf), Wordings.ListedAgain.With(changes.Gone[uid])));
                    changes.Gone.Remove(uid);
                }
            }

            // Changes notified after the last database are applied too: no database to compare yet, but the
            // transitions themselves are checked.
            var last = dbs[^1].AsOf;
            foreach (var document in documents.Where(d => d.Type == changeType?.Id && d.Triggered > last))
            {
                changes.Apply(document, findings);
                applied++;
            }

            // Whether an item is listed depends on its kind, status and type only: judged once for each.
            bool IsListed(DatabaseItem item)
            {
                var key = (item.Kind, item.Status, item.Type);
                if (!listed.TryGetValue(key, out var judged))
                {
                    listed[key] = judged = Listed(definition, item);
                }

                return judged;
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

    private static void Compare(LocalDate asOf, Dictionary<string, DatabaseItem> listed, Dictionary<string, DatabaseItem> expected, Func<DatabaseItem, bool> followed, HashSet<string> notified, Dictionary<string, Phrase> gone, List<Finding> findings)
    {
        var evidence = Wordings.Database.With(asOf);

        // An item no notification changed is as the previous database listed it, so listed still.
        bool Followed(string uid, DatabaseItem item) => !notified.Contains(uid) || followed(item);

        foreach (var (uid, item) in listed)
        {
            if (gone.ContainsKey(uid))
            {
                // Reported once, as an eliminated item reappearing.
                continue;
            }

            if (!expected.TryGetValue(uid, out var want) || !Followed(uid, want))
            {
                findings.Add(new Finding(FindingKind.MissingNotification, asOf, uid, evidence, Wordings.ArrivedUnnotified.With(PhraseValue.Kind(item.Kind), item.Type, PhraseValue.Status(item.Status), item.Location)));
                continue;
            }

            var differences = new List<Phrase>();
            if (item.Status != want.Status)
            {
                differences.Add(Wordings.StatusDiffers.With(PhraseValue.Status(item.Status), PhraseValue.Status(want.Status)));
            }

            if (item.Location != want.Location)
            {
                differences.Add(Wordings.LocationDiffers.With(item.Location, want.Location));
            }

            if (item.Type != want.Type)
            {
                differences.Add(Wordings.TypeDiffers.With(item.Type, want.Type));
            }

            if (differences.Count > 0)
            {
                var kind = notified.Contains(uid) ? FindingKind.DatabaseMismatch : FindingKind.MissingNotification;
                findings.Add(new Finding(kind, asOf, uid, evidence, Wordings.Statements.With(PhraseValue.List(differences, semicolons: true))));
            }
        }

        foreach (var (uid, want) in expected.Where(e => !listed.ContainsKey(e.Key) && Followed(e.Key, e.Value)))
        {
            findings.Add(new Finding(FindingKind.MissingNotification, asOf, uid, evidence, Wordings.LeftUnnotified.With(PhraseValue.Kind(want.Kind), want.Type, PhraseValue.Status(want.Status), want.Location)));
        }
    }

    private static void ImpossibleDatabase(Treaty treaty, ExchangeDefinition definition, Database db, List<Finding> findings)
    {
        var evidence = Wordings.Database.With(db.AsOf);
        foreach (var item in db.Categories.SelectMany(c => c.Items).Where(i => i.Warheads > 0 && treaty.RoleOf(i.Status) != StatusRole.Deployed).DistinctBy(i => i.Uid, StringComparer.Ordinal))
        {
            findings.Add(new Finding(FindingKind.WarheadsOnNonDeployedMissile, db.AsOf, item.Uid, evidence, Wordings.WarheadsNotDeployed.With(item.Warheads, PhraseValue.Status(item.Status), PhraseValue.Kind(item.Kind))));
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
                    var holding = definition.Categories.First(c => c.Id == category.HeldIn);
                    findings.Add(new Finding(FindingKind.MissileInNoLauncher, db.AsOf, at.Location, evidence, Wordings.MoreThanHolders.With(at.Count, InSentence(held.Name, category), at.Location, room, InSentence(holders.Name, holding))));
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
                findings.Add(new Finding(FindingKind.LateNotification, document.Triggered, document.Subject, NotifiedChanges.Evidence(document),
                    Wordings.Late.With(PhraseValue.Notification(type.Id), document.Sent, due, type.Reference)));
            }
            else if (document.Sent.Date < document.Triggered)
            {
                // A notification owed after an event cannot be provided before the day the event occurred.
                findings.Add(new Finding(FindingKind.NotifiedBeforeEvent, document.Triggered, document.Subject, NotifiedChanges.Evidence(document),
                    Wordings.BeforeEvent.With(PhraseValue.Notification(type.Id), document.Sent, document.Triggered)));
            }
        }
    }

    /// <summary>Change notifications whose fields contradict what they are filed as: the subject names the uid and the change, the trigger date the date field.</summary>
    private static void SelfContradictions(IEnumerable<NotificationDocument> documents, List<Finding> findings)
    {
        foreach (var document in documents)
        {
            var fields = document.Fields;
            var problems = new List<Phrase>();
            if (fields.GetValueOrDefault("uid") is { } uid && fields.GetValueOrDefault("event") is { } change && !Names(document.Subject, uid, change))
            {
                problems.Add(Wordings.SubjectDiffers.With(document.Subject, uid, change));
            }

            var triggered = document.Triggered;
            if (fields.GetValueOrDefault("date") is { } date && !IsDate(date, triggered))
            {
                problems.Add(Wordings.DateFieldDiffers.With(date, triggered));
            }

            if (problems.Count > 0)
            {
                findings.Add(new Finding(FindingKind.InconsistentNotification, document.Triggered, NotifiedChanges.UidOf(document), NotifiedChanges.Evidence(document),
                    Wordings.Statements.With(PhraseValue.List(problems, semicolons: true))));
            }
        }
    }

    /// <summary>Whether a text is <paramref name="date"/> in ISO form (YYYY-MM-DD).</summary>
    private static bool IsDate(string text, LocalDate date) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year == date.Year
        && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month == date.Month
        && int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day == date.Day;

    /// <summary>Whether a change's subject is <c>UID:EVENT</c>, or <c>UID:EVENT#N</c> for the Nth change of a kind on one day.</summary>
    private static bool Names(string subject, string uid, string change)
    {
        var span = subject.AsSpan();
        if (!span.StartsWith(uid, StringComparison.Ordinal) || span.Length <= uid.Length || span[uid.Length] != ':')
        {
            return false;
        }

        var rest = span[(uid.Length + 1)..];
        return rest.StartsWith(change, StringComparison.Ordinal) && (rest.Length == change.Length || rest[change.Length] == '#');
    }

    private static void MissingDatabases(Treaty treaty, ExchangeDefinition definition, PartyCode party, List<Database> dbs, LocalDate asOf, List<Finding> findings)
    {
        var provided = dbs.Select(d => d.AsOf).ToHashSet();
        foreach (var exchange in definition.ScheduleFrom(treaty.Dates.EntryIntoForce).Exchanges(asOf))
        {
            if (exchange.Due < asOf && !provided.Contains(exchange.AsOf) && treaty.StandingAt(exchange.AsOf, party) == TreatyStanding.InForce)
            {
                findings.Add(new Finding(FindingKind.MissingDatabase, exchange.Due, exchange.AsOf.ToString("yyyy-MM-dd", null), Wordings.Schedule.With(),
                    Wordings.NoDatabase.With(exchange.AsOf, exchange.Due)));
            }
        }
    }

    /// <summary>A category's name inside a sentence: in English lower-cased, as findings have always said it; in another
    /// language its name there with the first letter lower-cased, unless the name starts with an abbreviation (МБР).</summary>
    private static PhraseValue InSentence(string english, CategoryDefinition category) =>
        PhraseValue.Name(english.ToLowerInvariant(), category.Names.Select(n => KeyValuePair.Create(n.Key,
            n.Value.Length > 1 && char.IsUpper(n.Value[0]) && char.IsLower(n.Value[1]) ? char.ToLowerInvariant(n.Value[0]) + n.Value[1..] : n.Value)));
}
