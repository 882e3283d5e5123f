using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Text;

namespace Verity.Core.Tests.Reconciliation;

/// <summary>
/// The bundled record reconciled as each party provided it honestly (no finding), then with one discrepancy of every
/// kind planted in the United States' record: each is found, named, and nothing else is reported.
/// </summary>
public class ReconcilerTests(ReconciliationCorpus corpus) : IClassFixture<ReconciliationCorpus>
{
    private const string ChangeInData = "change-in-data";
    private static readonly PartyCode US = PartyCode.Parse("US");
    private static readonly string[] ListedKinds = ["icbm", "slbm", "heavy-bomber"];

    private ImmutableArray<Database> Databases => corpus.Honest[US].Databases;

    private ImmutableArray<NotificationDocument> Notifications => corpus.Honest[US].Notifications;

    [Theory]
    [InlineData("US")]
    [InlineData("RU")]
    public void Reconcile_HonestRecordOnTheLastDayInForce_NoFindings(string code)
    {
        var party = PartyCode.Parse(code);
        var (databases, notifications) = corpus.Honest[party];

        var report = Reconciler.Reconcile(corpus.Treaty, corpus.Definition, party, databases, notifications, ReconciliationCorpus.AsOf);

        Assert.Empty(report.Findings);
        Assert.True(report.Databases >= 24, $"{report.Databases} databases");
        Assert.True(notifications.Length > 1000, $"{notifications.Length} notifications");
        Assert.True(report.Notifications > 0, $"{report.Notifications} notifications applied");
    }

    [Fact]
    public void Reconcile_MoveNotificationRemoved_FindingNamingTheUidAtTheNextDatabase()
    {
        var move = LastChange("moved");
        var next = NextDatabase(move.Triggered);

        var report = Reconcile(Databases, Notifications.Remove(move));

        // The status change that came with the move was notified: the reconciler calls it a mismatch.
        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.DatabaseMismatch, finding.Kind);
        Assert.Equal(move.Fields["uid"], finding.Subject);
        Assert.Equal(next.AsOf, finding.Date);
        Assert.Contains($"location {move.Fields["location"]}, notifications give {move.Fields["from"]}", finding.Message);
    }

    [Fact]
    public void Reconcile_DatabaseItemLocationChanged_MissingNotificationNamingTheUid()
    {
        // A non-deployed missile in the last database, moved (on paper only) to another of the party's locations:
        // not a deployed one, so that no launcher count is disturbed.
        var last = Databases[^1];
        var item = last.ListedItems().Values.First(i => i.Kind == "icbm" && i.Status == "non-deployed");
        var elsewhere = last.Facilities.Select(f => f.Location).First(l => l != item.Location);
        var edited = Rebuild(last.AsOf, items => items.Select(i => i.Uid == item.Uid ? i with { Location = elsewhere } : i));

        var report = Reconcile(Databases.SetItem(Databases.Length - 1, edited), Notifications);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.MissingNotification, finding.Kind);
        Assert.Equal(item.Uid, finding.Subject);
        Assert.Equal(last.AsOf, finding.Date);
        Assert.Equal($"location {elsewhere}, notifications give {item.Location}", finding.Message);
    }

    [Fact]
    public void Reconcile_NotificationSentTenDaysLate_LateNotification()
    {
        var move = LastChange("moved");
        var late = move with { Sent = move.Sent.PlusDays(10) };

        var report = Reconcile(Databases, Notifications.Replace(move, late));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.LateNotification, finding.Kind);
        Assert.Equal(move.Subject, finding.Subject);
        Assert.Equal(move.Triggered, finding.Date);
        Assert.Equal($"notification {move.Number}", finding.Evidence);
    }

    [Fact]
    public void Reconcile_OneDatabaseDropped_MissingDatabaseNamingItsDate()
    {
        var dropped = Databases[Databases.Length / 2];

        var report = Reconcile(Databases.Remove(dropped), Notifications);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.MissingDatabase, finding.Kind);
        Assert.Equal(dropped.AsOf.ToString("yyyy-MM-dd", null), finding.Subject);
        Assert.Contains($"no database as of {dropped.AsOf:yyyy-MM-dd}", finding.Message);
    }

    [Fact]
    public void Reconcile_EliminatedItemNotifiedAgain_EliminatedItemReappears()
    {
        var elimination = LastChange("eliminated");
        var ghost = Document(elimination, "moved", elimination.Triggered.PlusDays(1), f => f);

        var report = Reconcile(Databases, Notifications.Add(ghost));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.EliminatedItemReappears, finding.Kind);
        Assert.Equal(elimination.Fields["uid"], finding.Subject);
        Assert.Equal(ghost.Triggered, finding.Date);
        Assert.Equal($"notification {ghost.Number}", finding.Evidence);
    }

    [Fact]
    public void Reconcile_EliminatedItemListedAgainInADatabase_EliminatedItemReappears()
    {
        var last = Databases[^1];
        var elimination = LastChange("eliminated");
        var uid = elimination.Fields["uid"];
        var before = corpus.Ledger.AsOf(elimination.Triggered.PlusDays(-1)).Single(i => i.Uid == uid);
        var edited = Rebuild(last.AsOf, items => items.Append(before));

        var report = Reconcile(Databases.SetItem(Databases.Length - 1, edited), Notifications);

        // One discrepancy, one finding.
        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.EliminatedItemReappears, uid, last.AsOf), (finding.Kind, finding.Subject, finding.Date));
    }

    [Fact]
    public void Reconcile_ProducedNotificationForAnExistingUid_UidUsedTwice()
    {
        // An item listed alike in two consecutive databases with no change notified between them.
        var (previous, next) = Databases.Zip(Databases.Skip(1)).First(p => p.First.AsOf.Year >= 2015);
        var item = previous.ListedItems().Values.First(i =>
            next.ListedItems().GetValueOrDefault(i.Uid) == i
            && !Notifications.Any(d => d.Fields.GetValueOrDefault("uid") == i.Uid && d.Triggered > previous.AsOf && d.Triggered <= next.AsOf));
        var produced = new NotificationDocument(ChangeInData, US, "US-PLANTED-1", previous.AsOf.PlusDays(11).At(new LocalTime(12, 0)),
            $"{item.Uid}:produced", previous.AsOf.PlusDays(10), Fields(item, "produced", previous.AsOf.PlusDays(10)));

        var report = Reconcile(Databases, Notifications.Add(produced));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.UidUsedTwice, finding.Kind);
        Assert.Equal(item.Uid, finding.Subject);
        Assert.Equal(produced.Triggered, finding.Date);
    }

    [Fact]
    public void Reconcile_DeployedLauncherMissingAtABase_MissileInNoLauncherAndTheCountAtThatBase()
    {
        // One deployed ICBM launcher fewer at a base than the deployed ICBMs there. Launchers are counted by
        // location, not followed one by one: the base is named twice, once for the missile without a launcher and
        // once because no notification took the launcher away.
        var last = Databases[^1];
        var launchers = last["deployed-icbm-launchers"]!.ByLocation.ToDictionary(l => l.Location, l => l.Count);
        var at = last["deployed-icbms"]!.ByLocation.First(l => launchers.GetValueOrDefault(l.Location) == l.Count);
        var inventory = corpus.Ledger.AsOf(last.AsOf);
        var launcher = inventory.First(i => i.Party == US && i.Kind == "icbm-launcher" && i.Status == "deployed" && i.Location == at.Location);
        var edited = Rebuild(last.AsOf, items => items.Where(i => i.Uid != launcher.Uid));

        var report = Reconcile(Databases.SetItem(Databases.Length - 1, edited), Notifications);

        Assert.Equal([FindingKind.MissingNotification, FindingKind.MissileInNoLauncher], report.Findings.Select(f => f.Kind).Order());
        Assert.All(report.Findings, f => Assert.Equal((at.Location, last.AsOf), (f.Subject, f.Date)));
        Assert.Contains($"{at.Count} deployed icbms at {at.Location}, but {at.Count - 1} deployed icbm launchers", report.Findings.Single(f => f.Kind == FindingKind.MissileInNoLauncher).Message);
        // The categories by their names in the exchange file's languages, lower-cased in the sentence unless they
        // start with an abbreviation: for a renderer to word in Russian or French.
        var names = report.Findings.Single(f => f.Kind == FindingKind.MissileInNoLauncher).Said.Values.OfType<Named>().ToList();
        Assert.Equal(["deployed icbms", "deployed icbm launchers"], names.Select(n => n.Text));
        Assert.Equal(["развёрнутые МБР", "развёрнутые пусковые установки МБР"], names.Select(n => n.Names["ru"]));
        Assert.Equal(["ICBM déployés", "lanceurs d'ICBM déployés"], names.Select(n => n.Names["fr"]));
        Assert.Contains($"{at.Count - 1} deployed", report.Findings.Single(f => f.Kind == FindingKind.MissingNotification).Message);
    }

    [Fact]
    public void Reconcile_WarheadsOnANonDeployedMissile_WarheadsOnNonDeployedMissile()
    {
        var last = Databases[^1];
        var item = last.ListedItems().Values.First(i => i.Kind == "icbm" && i.Status == "non-deployed");
        var edited = Rebuild(last.AsOf, items => items.Select(i => i.Uid == item.Uid ? i with { Warheads = 3 } : i));

        var report = Reconcile(Databases.SetItem(Databases.Length - 1, edited), Notifications);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.WarheadsOnNonDeployedMissile, finding.Kind);
        Assert.Equal(item.Uid, finding.Subject);
        Assert.Equal(last.AsOf, finding.Date);
        Assert.Equal("3 warhead(s) on a non-deployed icbm", finding.Message);
    }

    [Fact]
    public void Reconcile_MoveFromAnotherBase_MoveFromElsewhere()
    {
        var move = LastChange("moved");
        var other = Databases[^1].Facilities.Select(f => f.Location).First(l => l != move.Fields["from"] && l != move.Fields["location"]);
        var wrong = move with { Fields = move.Fields.SetItem("from", other) };

        var report = Reconcile(Databases, Notifications.Replace(move, wrong));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.MoveFromElsewhere, finding.Kind);
        Assert.Equal(move.Fields["uid"], finding.Subject);
        Assert.Equal(move.Triggered, finding.Date);
        Assert.Equal($"moved from {other}, but the record has it at {move.Fields["from"]}", finding.Message);
    }

    [Fact]
    public void Reconcile_NotificationAboutAnUndeclaredUid_UndeclaredItem()
    {
        var move = LastChange("moved");
        var ghost = Document(move, "moved", move.Triggered, f => f.SetItem("uid", "US-ICBM-GHOST-1"));

        var report = Reconcile(Databases, Notifications.Add(ghost));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.UndeclaredItem, finding.Kind);
        Assert.Equal("US-ICBM-GHOST-1", finding.Subject);
        Assert.Equal(move.Triggered, finding.Date);
    }

    [Fact]
    public void Reconcile_NotifiedMoveContradictedByTheNextDatabase_DatabaseMismatch()
    {
        // A move notified to a base other than the one the next database lists the item at.
        var move = LastChange("moved");
        var next = NextDatabase(move.Triggered);
        var elsewhere = next.Facilities.Select(f => f.Location).First(l => l != move.Fields["from"] && l != move.Fields["location"]);
        var wrong = move with { Fields = move.Fields.SetItem("location", elsewhere) };

        var report = Reconcile(Databases, Notifications.Replace(move, wrong));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.DatabaseMismatch, finding.Kind);
        Assert.Equal(move.Fields["uid"], finding.Subject);
        Assert.Equal(next.AsOf, finding.Date);
        Assert.Equal($"location {move.Fields["location"]}, notifications give {elsewhere}", finding.Message);
    }

    private ReconciliationReport Reconcile(IEnumerable<Database> databases, IEnumerable<NotificationDocument> notifications) =>
        Reconciler.Reconcile(corpus.Treaty, corpus.Definition, US, databases, notifications, ReconciliationCorpus.AsOf);

    /// <summary>The database the record gives after <paramref name="date"/>.</summary>
    private Database NextDatabase(LocalDate date) => Databases.First(d => d.AsOf >= date);

    /// <summary>
    /// The first change of this kind to an item the databases list, after the initial database, that is the last
    /// change notified for that item before the next database and the only one of its kind (a move comes with
    /// the status change before it).
    /// </summary>
    private NotificationDocument LastChange(string change) => Notifications.First(d =>
    {
        if (d.Type != ChangeInData || d.Fields.GetValueOrDefault("event") != change || !ListedKinds.Contains(d.Fields["kind"]) || d.Triggered <= Databases[0].AsOf || d.Triggered > Databases[^1].AsOf)
        {
            return false;
        }

        var next = NextDatabase(d.Triggered);
        var previous = Databases.Last(b => b.AsOf < d.Triggered);
        var others = Notifications.Where(o => o != d && o.Type == ChangeInData && o.Fields.GetValueOrDefault("uid") == d.Fields["uid"] && o.Triggered > previous.AsOf && o.Triggered <= next.AsOf);
        return others.All(o => o.Fields.GetValueOrDefault("event") != change && (o.Triggered < d.Triggered || (o.Triggered == d.Triggered && string.CompareOrdinal(o.Number, d.Number) < 0)));
    });

    /// <summary>A change-in-data document about the same item as <paramref name="like"/>, sent on time, numbered apart.</summary>
    private static NotificationDocument Document(NotificationDocument like, string change, LocalDate date, Func<ImmutableSortedDictionary<string, string>, ImmutableSortedDictionary<string, string>> edit)
    {
        var fields = edit(like.Fields.SetItem("event", change).SetItem("date", date.ToString("yyyy-MM-dd", null)));
        return new NotificationDocument(ChangeInData, like.Party, "US-PLANTED-1", date.PlusDays(1).At(new LocalTime(12, 0)), $"{fields["uid"]}:{change}", date, fields);
    }

    private static ImmutableSortedDictionary<string, string> Fields(DatabaseItem item, string change, LocalDate date) =>
        new Dictionary<string, string>
        {
            ["uid"] = item.Uid,
            ["kind"] = item.Kind,
            ["type"] = item.Type,
            ["status"] = item.Status,
            ["location"] = item.Location,
            ["from"] = item.Location,
            ["event"] = change,
            ["date"] = date.ToString("yyyy-MM-dd", null),
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>The United States' database as of <paramref name="asOf"/>, built from its items as edited.</summary>
    private Database Rebuild(LocalDate asOf, Func<IEnumerable<Item>, IEnumerable<Item>> edit) =>
        Database.Build(corpus.Definition, corpus.Treaty, Inventory.From(edit(corpus.Ledger.AsOf(asOf))), US, asOf);
    [Fact]
    public void Reconcile_UndeclaredUidNotifiedAfterTheLastDatabase_UndeclaredItem()
    {
        var (databases, notifications) = corpus.Honest[US];
        var date = databases[^1].AsOf.PlusDays(30);
        var fields = new Dictionary<string, string>
        {
            ["uid"] = "US-ICBM-GHOST-1",
            ["kind"] = "icbm",
            ["type"] = "Minuteman III",
            ["status"] = "non-deployed",
            ["location"] = "Malmstrom",
            ["from"] = "Minot",
            ["event"] = "moved",
            ["date"] = date.ToString("yyyy-MM-dd", null),
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);
        var ghost = new NotificationDocument("change-in-data", US, "US-PLANTED-1", date.PlusDays(1).At(new LocalTime(12, 0)), "US-ICBM-GHOST-1:moved", date, fields);

        var report = Reconciler.Reconcile(corpus.Treaty, corpus.Definition, US, databases, notifications.Add(ghost), ReconciliationCorpus.AsOf);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.UndeclaredItem, finding.Kind);
        Assert.Equal("US-ICBM-GHOST-1", finding.Subject);
    }
}
