using System.Net;
using System.Net.Http.Json;
using Verity.Node.Api;
using Verity.Node.Logs;

namespace Verity.Node.Tests;

/// <summary>Two nodes on loopback over real HTTP: each pushes its log to the other, takes a signed receipt, mirrors the
/// other's log, and catches up after a restart.</summary>
public sealed class ReplicationTests
{
    [Fact]
    public async Task TwoNodes_ReplicateEachOthersLogs_AndAgreeOnCheckpoints()
    {
        await using var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");
        await cluster.SubmitAsync("US", 7);
        await cluster.SubmitAsync("RU", 4);
        await cluster.RoundAsync();

        foreach (var (holder, log, size) in new[] { ("US", "RU", 4L), ("RU", "US", 7L) })
        {
            var directory = cluster.Service<LogDirectory>(holder);
            var mirror = directory.Mirrors[log];
            Assert.Equal(size, await mirror.Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
            using var client = cluster.Client(holder);
            var mirrored = await client.GetFromJsonAsync<EntriesResult>($"logs/{log}/entries?start=0&count=100");
            using var owner = cluster.Client(log);
            var original = await owner.GetFromJsonAsync<EntriesResult>($"logs/{log}/entries?start=0&count=100");
            Assert.Equal(original!.Entries.Select(e => e.Data), mirrored!.Entries.Select(e => e.Data));
        }

        AssertAcknowledgedWithReceipt(cluster, 7);
    }

    [Fact]
    public async Task Push_DeliveredTwice_IsAppliedOnce()
    {
        await using var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");
        await cluster.SubmitAsync("US", 3);
        await cluster.RoundAsync();
        var ru = cluster.Service<LogDirectory>("RU").Mirrors["US"];
        var checkpoint = ru.Latest!.ToString();
        using var client = cluster.Client("US");
        var entries = (await client.GetFromJsonAsync<EntriesResult>("logs/US/entries?start=0&count=3"))!.Entries.Select(e => e.Data).ToList();

        // The same batch again (a retry after a lost answer): stored once, counted as duplicates, receipt again.
        using var raw = cluster.PeerClient("RU", "US");
        using var response = await raw.PostAsJsonAsync("peer/logs/US/entries", new { start = 0, entries, checkpoint });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<Verity.Node.Peers.PushResult>();
        Assert.Equal(3, result!.Size);
        Assert.Equal(0, result.Applied);
        Assert.Equal(3, result.Duplicates);
        Assert.Equal(3, await ru.Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
    }

    [Fact]
    public async Task NodeDown_CatchesUpOnRestart_LosingNothingAcknowledged()
    {
        await using var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");
        await cluster.SubmitAsync("US", 5);
        await cluster.RoundAsync();
        await cluster.StopNodeAsync("RU");

        await cluster.SubmitAsync("US", 6);
        await cluster.RoundAsync();
        var status = cluster.Network("US").Status.Single();
        Assert.NotNull(status.LastError);
        Assert.Equal(5, status.Acknowledged);

        await cluster.StartNodeAsync("RU");
        var mirror = cluster.Service<LogDirectory>("RU").Mirrors["US"];
        Assert.Equal(5, await mirror.Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
        await cluster.RoundAsync();
        Assert.Equal(11, await mirror.Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
        Assert.Null(cluster.Network("US").Status.Single().LastError);
        Assert.Equal(11, cluster.Network("US").Status.Single().Acknowledged);
    }

    [Fact]
    public async Task Push_ReceiverHoldsMoreThanTheBatch_ItsReceiptForTheLaterCheckpointIsAcknowledged()
    {
        await using var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");
        await cluster.SubmitAsync("US", 5);
        await cluster.RoundAsync();
        await cluster.StopNodeAsync("RU");
        await cluster.SubmitAsync("US", 150);
        await cluster.StartNodeAsync("RU");

        // Russia pulls the whole U.S. log first; the U.S. then pushes from what Russia last acknowledged (5), and Russia's
        // receipt names its checkpoint of size 155, later than the batch's (105).
        await cluster.Network("RU").SyncOnceAsync(CancellationToken.None);
        await cluster.Network("US").SyncOnceAsync(CancellationToken.None);

        AssertAcknowledgedWithReceipt(cluster, 155);
    }

    [Fact]
    public async Task Round_PushFailsWhileGossipSucceeds_LastErrorNamesThePush()
    {
        await using var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");

        // Russia's mirror holds another U.S. history, signed with the U.S. key: every push of the real one is refused,
        // while gossip with Russia still succeeds.
        using (var us = cluster.SigningKeyOf("US"))
        {
            var (entries, checkpoint) = await EquivocationTests.HistoryAsync(us, "forged", 3);
            using var forged = await EquivocationTests.Push(cluster, "RU", "US", 0, entries, checkpoint);
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        }

        await cluster.SubmitAsync("US", 5);
        await cluster.Network("US").SyncOnceAsync(CancellationToken.None);

        var status = cluster.Network("US").Status.Single();
        Assert.Equal(0, status.Acknowledged);
        Assert.NotNull(status.LastContact);
        Assert.StartsWith("RU: push: HTTP 422", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SenderRestarts_PeerAlreadyHoldsItsWholeLog_IsAcknowledgedWithAFreshReceipt()
    {
        await using var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");
        await cluster.SubmitAsync("US", 5);
        await cluster.RoundAsync();
        await cluster.StopNodeAsync("US");
        await cluster.StartNodeAsync("US");
        Assert.Equal(0, cluster.Network("US").Status.Single().Acknowledged);

        // Russia holds all five: nothing is left to push, but its size counts only with its signed receipt.
        await cluster.Network("US").SyncOnceAsync(CancellationToken.None);

        AssertAcknowledgedWithReceipt(cluster, 5);
    }

    /// <summary>The U.S. node counts <paramref name="size"/> entries acknowledged by Russia, by Russia's receipt for
    /// that size, with no error standing.</summary>
    private static void AssertAcknowledgedWithReceipt(NodeCluster cluster, long size)
    {
        var status = cluster.Network("US").Status.Single();
        Assert.Equal("RU", status.Party);
        Assert.Equal(size, status.Acknowledged);
        Assert.Null(status.LastError);
        Assert.Contains($"verity-receipt/v1\nRU\nverity.local/us\n{size}\n", status.LastReceipt, StringComparison.Ordinal);
    }
}
