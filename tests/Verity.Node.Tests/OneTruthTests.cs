using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Verity.Core.Reconciliation;

namespace Verity.Node.Tests;

/// <summary>
/// The CLI and the node derive their figures from the same record with the same code: the record `verity reconcile`
/// builds, submitted to a node as its operator does, gives the node's findings, its dashboard and its forces the
/// figures the CLI's reconciliation and ledger give.
/// </summary>
public sealed class OneTruthTests(ReplayedRecord replay) : IClassFixture<ReplayedRecord>, IDisposable
{
    private static readonly LocalDate To = new(2012, 9, 1);
    private readonly NodeFactory _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task Record_SubmittedToANode_GivesTheCliFiguresInEveryView()
    {
        var (databases, notifications) = replay.Through(To);
        using var client = _node.Operator();
        await ReplayedRecord.SubmitAsync(client, replay.Treaty, databases, notifications);

        // What `verity reconcile --party US --at 2012-09-01` computes from the same record.
        var cli = Reconciler.Reconcile(replay.Treaty, replay.Definition, ReplayedRecord.US, databases, notifications, To);
        Assert.Equal(4, cli.Databases);
        Assert.InRange(cli.Notifications, 100, notifications.Length);
        Assert.Empty(cli.Findings);

        var findings = await client.GetFromJsonAsync<JsonElement>("/parties/US/findings?at=2012-09-01");
        Assert.Equal(cli.Databases, findings.GetProperty("databases").GetInt32());
        Assert.Equal(cli.Notifications, findings.GetProperty("notifications").GetInt32());
        Assert.Empty(findings.GetProperty("findings").EnumerateArray());

        // The dashboard says the same two numbers, not the lengths of its own lists.
        var page = await client.GetStringAsync(new Uri("/dashboard/US?at=2012-09-01", UriKind.Relative));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"No findings: {cli.Databases:N0} databases and {cli.Notifications:N0} change notifications reconciled."), page, StringComparison.Ordinal);

        // Between two databases the node's items are the ledger's: the last database plus the notified changes.
        foreach (var at in new[] { new LocalDate(2012, 6, 15), To })
        {
            var forces = await client.GetFromJsonAsync<JsonElement>(string.Create(CultureInfo.InvariantCulture, $"/parties/US/forces?at={at:yyyy-MM-dd}"));
            var items = forces.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("uid").GetString()!, i => i);
            var listedKinds = items.Values.Select(i => i.GetProperty("kind").GetString()).ToHashSet();
            var ledger = replay.Ledger.AsOf(at).Where(i => i.Party == ReplayedRecord.US && listedKinds.Contains(i.Kind)).ToList();
            Assert.Equal(ledger.Count, items.Count);
            foreach (var item in ledger)
            {
                var node = items[item.Uid];
                Assert.Equal(item.Status, node.GetProperty("status").GetString());
                Assert.Equal(item.Location, node.GetProperty("location").GetString());
            }
        }
    }
}
