using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;

namespace Verity.Core.Tests.Reconciliation;

/// <summary>
/// Each change notification checked as a transition from the state the record holds, on the United States' honest
/// record with one notification taken out, repeated or edited: the finding names the notification and the item.
/// </summary>
public class ReconcilerTransitionTests(ReconciliationCorpus corpus) : IClassFixture<ReconciliationCorpus>
{
    private static readonly PartyCode US = PartyCode.Parse("US");

    private ImmutableArray<NotificationDocument> Notifications => corpus.Honest[US].Notifications;

    [Fact]
    public void Reconcile_StatusChangeRemovedBeforeAMove_TheMoveIsFoundChangingTheStatus()
    {
        // A missile withdrawn at its base (status changed), then moved to storage: the two changes of its period.
        var withdrawal = corpus.Change(US, (d, period) => d.Fields["kind"] == "icbm" && period.Select(p => p.Fields["event"]).SequenceEqual(["status-changed", "moved"]) && period[0] == d);
        var move = Notifications.Single(d => d.Subject == $"{withdrawal.Fields["uid"]}:moved" && d.Triggered >= withdrawal.Triggered && d.Triggered <= corpus.NextDatabase(US, withdrawal.Triggered).AsOf);

        var report = Reconcile(Notifications.Remove(withdrawal));

        // The move carries the missile's new status; the record still has it deployed, and a move keeps the status.
        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.TransitionMismatch, withdrawal.Fields["uid"], $"notification {move.Number}", move.Triggered), (finding.Kind, finding.Subject, finding.Evidence, finding.Date));
        Assert.Equal($"moved notified with status non-deployed; applied to the record (icbm Minuteman III, deployed, at {move.Fields["from"]}) it gives status deployed", finding.Message);
    }

    [Fact]
    public void Reconcile_DeploymentNotifiedTwice_TheCopyCannotStartFromADeployedMissile()
    {
        var deployment = corpus.Change(US, (d, period) => d.Fields["event"] == "deployed" && period[^1] == d);
        var copy = deployment with { Number = deployment.Number + "-2" };

        var report = Reconcile(Notifications.Add(copy));

        Assert.All(report.Findings, f => Assert.Equal((deployment.Fields["uid"], $"notification {copy.Number}"), (f.Subject, f.Evidence)));
        Assert.Equal([FindingKind.MoveFromElsewhere, FindingKind.ImpossibleTransition], report.Findings.Select(f => f.Kind));
        Assert.StartsWith($"deployed at {deployment.Fields["location"]} while already deployed at {deployment.Fields["location"]}", report.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_StatusChangeThatAlsoMovesTheItem_TransitionMismatchNamingBothPlaces()
    {
        // A heavy bomber's status change, the only change of its period, notified at another base.
        var change = corpus.Change(US, (d, period) => d.Fields["kind"] == "heavy-bomber" && d.Fields["event"] == "status-changed" && period.Length == 1);
        var elsewhere = corpus.NextDatabase(US, change.Triggered).Facilities.Select(f => f.Location).First(l => l != change.Fields["location"]);

        var report = Reconcile(Notifications.Replace(change, change with { Fields = change.Fields.SetItem("location", elsewhere) }));

        var finding = report.Findings.Single(f => f.Kind == FindingKind.TransitionMismatch);
        Assert.Equal((change.Fields["uid"], $"notification {change.Number}"), (finding.Subject, finding.Evidence));
        Assert.Contains($"status-changed notified with location {elsewhere}; ", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith($"it gives location {change.Fields["location"]}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_StatusChangedToConverted_ImpossibleTransition()
    {
        var change = corpus.Change(US, (d, period) => d.Fields["kind"] == "heavy-bomber" && d.Fields["event"] == "status-changed" && period.Length == 1);

        var report = Reconcile(Notifications.Replace(change, change with { Fields = change.Fields.SetItem("status", "converted") }));

        var finding = report.Findings.First(f => f.Evidence == $"notification {change.Number}");
        Assert.Equal((FindingKind.ImpossibleTransition, change.Fields["uid"]), (finding.Kind, finding.Subject));
        Assert.StartsWith("status changed to converted: an item becomes converted only by a conversion", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_LauncherProducedTwice_UidUsedTwice()
    {
        // Launchers are counted, not listed: the record knows this uid only from its first production notice.
        var production = corpus.Change(US, (d, _) => d.Fields["kind"] == "icbm-launcher" && d.Fields["event"] == "produced");
        var copy = production with { Number = production.Number + "-2" };

        var report = Reconcile(Notifications.Add(copy));

        var finding = report.Findings.First();
        Assert.Equal((FindingKind.UidUsedTwice, production.Fields["uid"], $"notification {copy.Number}"), (finding.Kind, finding.Subject, finding.Evidence));
    }

    [Fact]
    public void Reconcile_LauncherStatusChangeRemoved_TheNumberAtItsBaseDiffersInTheNextDatabase()
    {
        // At a base without test launchers: a launcher made deployed left non-deployed, and the reverse.
        var change = corpus.Change(US, (d, period) => d.Fields["kind"] == "icbm-launcher" && d.Fields["event"] == "status-changed" && period.Length == 1 && d.Fields["location"] != "F.E. Warren AFB");
        var next = corpus.NextDatabase(US, change.Triggered);
        var (before, after) = change.Fields["status"] == "deployed" ? ("non-deployed", "deployed") : ("deployed", "non-deployed");

        var report = Reconcile(Notifications.Remove(change));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((change.Fields["location"], next.AsOf, $"database as of {next.AsOf:yyyy-MM-dd}"), (finding.Subject, finding.Date, finding.Evidence));
        Assert.StartsWith($"icbm-launcher at {change.Fields["location"]}: ", finding.Message, StringComparison.Ordinal);
        var counts = next.Facilities.Single(f => f.Location == change.Fields["location"]).Holdings.Where(h => h.Kind == "icbm-launcher").ToDictionary(h => h.Status, h => h.Count);
        Assert.Contains($"{counts[before]} {before}", finding.Message.Split(';')[0], StringComparison.Ordinal);
        Assert.Contains($"{counts[before] + 1} {before}", finding.Message.Split(';')[1], StringComparison.Ordinal);
        Assert.Contains($"{counts[after] - 1} {after}", finding.Message.Split(';')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_NotificationDatedAfterItWasSent_NotifiedBeforeEvent()
    {
        // An elimination, the item's last change: dated three days after the day it was sent.
        var elimination = corpus.Change(US, (d, period) => d.Fields["event"] == "eliminated" && period.Length == 1 && corpus.NextDatabase(US, d.Triggered.PlusDays(3)) == corpus.NextDatabase(US, d.Triggered));
        var date = elimination.Triggered.PlusDays(3);

        var report = Reconcile(Notifications.Replace(elimination, elimination with { Triggered = date, Fields = elimination.Fields.SetItem("date", date.ToString("yyyy-MM-dd", null)) }));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.NotifiedBeforeEvent, $"notification {elimination.Number}", date), (finding.Kind, finding.Evidence, finding.Date));
        Assert.Equal($"change-in-data provided {elimination.Sent:yyyy-MM-dd HH:mm}, before the {date:yyyy-MM-dd} it notifies", finding.Message);
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("date")]
    public void Reconcile_NotificationContradictingItself_InconsistentNotification(string part)
    {
        var change = corpus.Change(US, (d, period) => d.Fields["event"] == "eliminated" && period.Length == 1);
        var edited = part == "subject"
            ? change with { Subject = "US-ICBM-GHOST-1:eliminated" }
            : change with { Fields = change.Fields.SetItem("date", change.Triggered.PlusDays(-1).ToString("yyyy-MM-dd", null)) };

        var report = Reconcile(Notifications.Replace(change, edited));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.InconsistentNotification, change.Fields["uid"], $"notification {change.Number}"), (finding.Kind, finding.Subject, finding.Evidence));
        Assert.StartsWith(part == "subject" ? "its subject is US-ICBM-GHOST-1:eliminated, its fields give" : "its date field is", finding.Message, StringComparison.Ordinal);
    }

    private ReconciliationReport Reconcile(IEnumerable<NotificationDocument> notifications) => corpus.Reconcile(US, corpus.Honest[US].Databases, notifications);
}
