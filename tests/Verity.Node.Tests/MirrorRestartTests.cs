using System.Net;
using Verity.Node.Logs;
using Verity.Node.Peers;

namespace Verity.Node.Tests;

/// <summary>A mirror keeps the party's latest signed checkpoint beside its log: after a restart the node serves it and
/// still holds the party to it, before any round; a kept checkpoint that does not verify is ignored.</summary>
public sealed class MirrorRestartTests
{
    [Fact]
    public async Task Restart_MirrorCheckpoint_IsServedBeforeAnyRound()
    {
        await using var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");
        await cluster.SubmitAsync("US", 3);
        await cluster.RoundAsync();
        string before;
        using (var client = cluster.Client("RU"))
        {
            before = await client.GetStringAsync(new Uri("logs/US/checkpoint", UriKind.Relative));
        }

        await cluster.StopNodeAsync("RU");
        await cluster.StartNodeAsync("RU");

        using var restarted = cluster.Client("RU");
        using var response = await restarted.GetAsync(new Uri("logs/US/checkpoint", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await response.Content.ReadAsStringAsync());
        Assert.Contains("verity.local/us\n3\n", before, StringComparison.Ordinal);
        Assert.Equal(before, cluster.Service<LogDirectory>("RU").Mirrors["US"].Latest?.ToString());
    }

    [Theory]
    [InlineData(3)] // the same size: two roots for one size
    [InlineData(5)] // longer: a history that does not extend the one held
    public async Task Restart_ThenContradictingHistory_Is422AndAlarmsWithBothSignedCheckpoints(int sizeB)
    {
        var treaty = FiveParty.Write(Path.Combine(Path.GetTempPath(), "verity-five-" + Guid.NewGuid().ToString("N")));
        try
        {
            await using var cluster = await NodeCluster.StartAsync(treaty, "US", "FR");
            await cluster.StopNodeAsync("FR");
            using var france = cluster.SigningKeyOf("FR");
            var (entriesA, checkpointA) = await EquivocationTests.HistoryAsync(france, "a", 3);
            var (entriesB, checkpointB) = await EquivocationTests.HistoryAsync(france, "b", sizeB);
            using (var pushed = await EquivocationTests.Push(cluster, "US", "FR", 0, entriesA, checkpointA))
            {
                Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
            }

            await cluster.StopNodeAsync("US");
            await cluster.StartNodeAsync("US");
            Assert.Empty(cluster.Network("US").Alarms);
            using var response = await EquivocationTests.Push(cluster, "US", "FR", 0, entriesB, checkpointB);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var alarm = Assert.Single(cluster.Network("US").Alarms);
            Assert.Equal("FR", alarm.Log);
            Assert.True(alarm.First.Verify([france.Verifier]).IsValid);
            Assert.True(alarm.Second.Verify([france.Verifier]).IsValid);
            Assert.Equal(new[] { checkpointA, checkpointB }.Order(StringComparer.Ordinal), new[] { alarm.First.ToString(), alarm.Second.ToString() }.Order(StringComparer.Ordinal));
            Assert.Equal(3, await cluster.Service<LogDirectory>("US").Mirrors["FR"].Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(treaty))!, recursive: true);
        }
    }

    [Theory]
    [InlineData("garbage")] // not a note at all
    [InlineData("text")] // the text changed: the signature no longer verifies
    [InlineData("signer")] // signed, but by another party's key
    [InlineData("size")] // the party's, but of another size than the mirror
    [InlineData("history")] // the party's, of the mirror's size, but of another history
    public async Task Restart_KeptCheckpointThatDoesNotVerify_IsIgnored(string tamper)
    {
        var treaty = FiveParty.Write(Path.Combine(Path.GetTempPath(), "verity-five-" + Guid.NewGuid().ToString("N")));
        try
        {
            await using var cluster = await NodeCluster.StartAsync(treaty, "US", "FR");
            await cluster.StopNodeAsync("FR");
            using var france = cluster.SigningKeyOf("FR");
            using var us = cluster.SigningKeyOf("US");
            var (entries, checkpoint) = await EquivocationTests.HistoryAsync(france, "a", 3);
            using (var pushed = await EquivocationTests.Push(cluster, "US", "FR", 0, entries, checkpoint))
            {
                Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
            }

            await cluster.StopNodeAsync("US");
            var kept = tamper switch
            {
                "garbage" => "not a checkpoint\n",
                "text" => checkpoint.Replace("\n3\n", "\n2\n", StringComparison.Ordinal),
                "signer" => Resign(checkpoint, us),
                "size" => (await EquivocationTests.HistoryAsync(france, "a", 2)).Checkpoint,
                _ => (await EquivocationTests.HistoryAsync(france, "b", 3)).Checkpoint,
            };
            using (var store = LogStores.Open(cluster.Options("US"), "FR"))
            {
                Assert.Equal(checkpoint, await store.ReadNoteAsync(Mirror.LatestNote));
                await store.WriteNoteAsync(Mirror.LatestNote, kept);
            }

            await cluster.StartNodeAsync("US");

            var mirror = cluster.Service<LogDirectory>("US").Mirrors["FR"];
            Assert.Null(await mirror.LatestAsync(CancellationToken.None));
            using (var client = cluster.Client("US"))
            using (var response = await client.GetAsync(new Uri("logs/FR/checkpoint", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }

            // The party's next checkpoint that the mirror matches replaces it, in memory and in the store.
            using (var again = await EquivocationTests.Push(cluster, "US", "FR", 0, entries, checkpoint))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }

            Assert.Equal(checkpoint, mirror.Latest?.ToString());
            Assert.Equal(checkpoint, await mirror.Log.Store.ReadNoteAsync(Mirror.LatestNote));
            Assert.Empty(cluster.Network("US").Alarms);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(treaty))!, recursive: true);
        }
    }

    // The same checkpoint text, signed by another key instead of the party's.
    private static string Resign(string checkpoint, Verity.Record.Keys.SigningKey key)
    {
        Assert.True(Verity.Record.Notes.SignedNote.TryParse(checkpoint, out var note, out var problem), problem);
        return Verity.Record.Notes.SignedNote.Sign(note.Text, key).ToString();
    }
}
