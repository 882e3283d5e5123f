using System.Collections.Immutable;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;

namespace Verity.Core.Tests.Reconciliation;

/// <summary>
/// What the receiving party cannot tell from the databases and notifications it holds (docs/notifications.md,
/// "What reconciliation cannot see"): each perturbation here gives a record that an honest party could have
/// provided, and reconciles with no finding — beside the nearest perturbation that is found.
/// </summary>
public class ReconcilerLimitsTests(ReconciliationCorpus corpus) : IClassFixture<ReconciliationCorpus>
{
    private static readonly PartyCode US = PartyCode.Parse("US");
    private static readonly PartyCode RU = PartyCode.Parse("RU");

    [Fact]
    public void Reconcile_ChangeDatedEarlierWithinItsDeadline_NoFindingButPastItLate()
    {
        // An elimination, the item's only change in its period, provided the day after at 12:00: it might have
        // happened up to four days earlier and still be notified in time (five days, to the end of the day).
        var (databases, notifications) = corpus.Honest[US];
        var elimination = corpus.Change(US, (d, period) => d.Fields["event"] == "eliminated" && period.Length == 1
            && corpus.NextDatabase(US, d.Triggered.PlusDays(-5)) == corpus.NextDatabase(US, d.Triggered));

        var within = corpus.Reconcile(US, databases, notifications.Replace(elimination, Dated(elimination, -4)));
        var past = corpus.Reconcile(US, databases, notifications.Replace(elimination, Dated(elimination, -5)));

        Assert.Empty(within.Findings);
        Assert.Equal((FindingKind.LateNotification, $"notification {elimination.Number}"), (Assert.Single(past.Findings).Kind, past.Findings[0].Evidence));
    }

    [Fact]
    public void Reconcile_EliminationNotifiedAsALoss_NoFinding()
    {
        // Both take the item out of the accounting for good: the databases cannot tell them apart.
        var (databases, notifications) = corpus.Honest[US];
        var elimination = corpus.Change(US, (d, period) => d.Fields["kind"] == "heavy-bomber" && d.Fields["event"] == "eliminated" && period.Length == 1);
        var loss = elimination with { Subject = $"{elimination.Fields["uid"]}:lost", Fields = elimination.Fields.SetItem("event", "lost") };

        var report = corpus.Reconcile(US, databases, notifications.Replace(elimination, loss));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Reconcile_LauncherUnderAnotherUidOrType_NoFindingWhereNothingElseNamesIt()
    {
        // The databases count launchers by place and status, without uid or type: a launcher's first and only
        // notice is the only thing that names it.
        var (databases, notifications) = corpus.Honest[US];
        var elimination = corpus.Change(US, (d, _) => d.Fields["kind"] == "icbm-launcher" && d.Fields["event"] == "eliminated"
            && notifications.Count(o => o.Fields.GetValueOrDefault("uid") == d.Fields["uid"]) == 1);
        var renamed = elimination with { Subject = "US-IL-MM3-9999:eliminated", Fields = elimination.Fields.SetItem("uid", "US-IL-MM3-9999") };
        var retyped = elimination with { Fields = elimination.Fields.SetItem("type", "Peacekeeper") };

        var underAnotherUid = corpus.Reconcile(US, databases, notifications.Replace(elimination, renamed));
        var underAnotherType = corpus.Reconcile(US, databases, notifications.Replace(elimination, retyped));

        Assert.Empty(underAnotherUid.Findings);
        Assert.Empty(underAnotherType.Findings);
    }

    [Fact]
    public void Reconcile_StatusOfAProductionSetAnewByADeployment_NoFindingButKeptToTheDatabaseFound()
    {
        // A missile produced and deployed in one period: a deployment needs only a missile not deployed, so
        // the status it was produced in is witnessed by nothing the receiving party holds.
        var (databases, notifications) = corpus.Honest[RU];
        var production = corpus.Change(RU, (d, period) => d.Fields["kind"] == "icbm" && period.Select(p => p.Fields["event"]).SequenceEqual(["produced", "deployed"]) && period[0] == d);
        var asTest = production with { Fields = production.Fields.SetItem("status", "test") };
        var single = corpus.Change(RU, (d, period) => d.Fields["kind"] is "icbm" or "slbm" or "heavy-bomber" && d.Fields["event"] == "produced" && period.Length == 1);

        var setAnew = corpus.Reconcile(RU, databases, notifications.Replace(production, asTest));
        var kept = corpus.Reconcile(RU, databases, notifications.Replace(single, single with { Fields = single.Fields.SetItem("status", "test") }));

        Assert.Empty(setAnew.Findings);
        Assert.Equal((FindingKind.DatabaseMismatch, single.Fields["uid"]), (Assert.Single(kept.Findings).Kind, kept.Findings[0].Subject));
    }

    [Theory]
    [InlineData("deployed", "test")]
    [InlineData("non-deployed", "test")]
    [InlineData("test", "deployed")]
    [InlineData("test", "non-deployed")]
    [InlineData("non-deployed", "deployed")]
    public void Reconcile_LauncherStatusInTheFirstDatabaseAtABaseOfUnstatedDepartures_StillFound(string from, string to)
    {
        // F.E. Warren AFB holds deployed, non-deployed and test ICBM launchers, and in the first period its
        // launchers are notified non-deployed without saying which status they left (deployed or test). The first
        // database has no previous one: one launcher's status edited there is found through the first period's
        // numbers, which no choice of the statuses left can make equal, or through the missiles it holds.
        var (databases, notifications) = corpus.Honest[US];
        const string Base = "F.E. Warren AFB";

        var report = corpus.Reconcile(US, databases.SetItem(0, Edited(databases[0], Base, from, to)), notifications);

        var finding = report.Findings.First(f => f.Subject == Base);
        Assert.True(
            finding.Kind == FindingKind.MissileInNoLauncher || finding.Message.EndsWith("that left a status not stated", StringComparison.Ordinal),
            finding.ToString());
    }

    private static NotificationDocument Dated(NotificationDocument document, int days)
    {
        var date = document.Triggered.PlusDays(days);
        return document with { Triggered = date, Fields = document.Fields.SetItem("date", date.ToString("yyyy-MM-dd", null)) };
    }

    /// <summary>The database rebuilt from the record's items with one ICBM launcher at the base declared in another status.</summary>
    private Database Edited(Database database, string location, string from, string to)
    {
        var items = corpus.Ledger.AsOf(database.AsOf).Where(i => i.Party == US).ToImmutableArray();
        var launcher = items.First(i => i.Kind == "icbm-launcher" && i.Status == from && i.Location == location);
        return Database.Build(corpus.Definition, corpus.Treaty, Inventory.From(items.Replace(launcher, launcher with { Status = to })), US, database.AsOf);
    }
}
