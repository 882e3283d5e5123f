using System.Net;
using System.Net.Http.Json;
using System.Text;
using Verity.Node.Logs;
using Verity.Node.Peers;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Notes;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Node.Tests;

/// <summary>Five nodes; France signs two histories of its log and shows one to some peers and the other to the rest.
/// After one gossip round every honest node holds the alarm, with both signed checkpoints as evidence.</summary>
public sealed class EquivocationTests
{
    [Fact]
    public async Task FiveNodes_ReplicateEveryLog_AndAgreeOnEveryCheckpoint()
    {
        await using var cluster = await NodeCluster.StartFiveAsync();
        foreach (var (party, i) in cluster.Parties.Select((p, i) => (p, i)))
        {
            await cluster.SubmitAsync(party, 2 + i);
        }

        await cluster.RoundAsync();
        foreach (var holder in cluster.Parties)
        {
            var directory = cluster.Service<LogDirectory>(holder);
            foreach (var (log, i) in cluster.Parties.Select((p, i) => (p, i)).Where(x => x.p != holder))
            {
                var mirror = directory.Mirrors[log];
                Assert.Equal(2 + i, await mirror.Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
                var owner = await cluster.Service<PartyLog>(log).ReadAsync(m => m.RootAsync(), CancellationToken.None);
                Assert.Equal(owner, await mirror.Log.ReadAsync(m => m.RootAsync(), CancellationToken.None));
            }

            Assert.Empty(cluster.Network(holder).Alarms);
            Assert.All(cluster.Network(holder).Status, s => Assert.Null(s.LastError));
        }
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 5)]
    public async Task Equivocation_TwoHistoriesShownToDifferentPeers_AlarmsEveryHonestNodeWithinOneRound(int sizeA, int sizeB)
    {
        await using var cluster = await NodeCluster.StartFiveAsync();
        await cluster.StopNodeAsync("FR");
        using var france = cluster.SigningKeyOf("FR");
        var (entriesA, checkpointA) = await HistoryAsync(france, "a", sizeA);
        var (entriesB, checkpointB) = await HistoryAsync(france, "b", sizeB);
        foreach (var (party, entries, checkpoint) in new[] { ("US", entriesA, checkpointA), ("RU", entriesA, checkpointA), ("CN", entriesB, checkpointB), ("GB", entriesB, checkpointB) })
        {
            using var response = await Push(cluster, party, "FR", 0, entries, checkpoint);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await cluster.RoundAsync();
        foreach (var honest in new[] { "US", "RU", "CN", "GB" })
        {
            var alarm = Assert.Single(cluster.Network(honest).Alarms);
            Assert.Equal("FR", alarm.Log);
            Assert.True(alarm.First.Verify([france.Verifier]).IsValid);
            Assert.True(alarm.Second.Verify([france.Verifier]).IsValid);
            Assert.NotEqual(alarm.First.Text, alarm.Second.Text);
            Assert.Equal(new[] { checkpointA, checkpointB }.Order(), new[] { alarm.First.ToString(), alarm.Second.ToString() }.Order());

            // Recorded as a signed statement in the honest node's own log, so that its peers mirror the evidence.
            var own = cluster.Service<PartyLog>(honest);
            var entries = await own.ReadAsync(m => m.Store.ReadEntriesAsync(0, (int)m.Size), CancellationToken.None);
            Assert.Contains(entries, e => SignedStatement.TryParse(e.Data, out var s, out _) && s.Statement.Type == Evidence.StatementType);
        }

        // The dashboard puts the alarm first, on the overview and on every party's page, with both signed checkpoints.
        using var client = cluster.Client("US");
        foreach (var path in new[] { "?at=2030-01-01", "dashboard/US?at=2030-01-01", "dashboard/FR?at=2030-01-01" })
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            var panel = html.IndexOf("<section class=\"alarms\" role=\"alert\"", StringComparison.Ordinal);
            Assert.True(panel > 0 && panel < html.IndexOf("<table", StringComparison.Ordinal), path);
            Assert.Contains("<article class=\"alarm\" data-log=\"FR\">", html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(checkpointA), html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(checkpointB), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Equivocation_LiarGoesOnWithBothHistories_OneAlarmPerHonestNode_AndNoErrorBetweenHonestNodes()
    {
        await using var cluster = await NodeCluster.StartFiveAsync();
        await cluster.StopNodeAsync("FR");
        using var france = cluster.SigningKeyOf("FR");
        var honest = new[] { "US", "RU", "CN", "GB" };
        async Task ShowAsync(int size)
        {
            var (entriesA, checkpointA) = await HistoryAsync(france, "a", size);
            var (entriesB, checkpointB) = await HistoryAsync(france, "b", size);
            foreach (var (party, entries, checkpoint) in new[] { ("US", entriesA, checkpointA), ("RU", entriesA, checkpointA), ("CN", entriesB, checkpointB), ("GB", entriesB, checkpointB) })
            {
                using var response = await Push(cluster, party, "FR", 0, entries, checkpoint);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{party}: {(int)response.StatusCode}");
            }
        }

        // France goes on with both histories after it is caught: each new checkpoint is new evidence, but one alarm is enough.
        await ShowAsync(3);
        await cluster.RoundAsync();
        await ShowAsync(5);
        await cluster.RoundAsync();
        await ShowAsync(8);
        await cluster.RoundAsync();
        await cluster.RoundAsync();

        foreach (var party in honest)
        {
            Assert.Equal("FR", Assert.Single(cluster.Network(party).Alarms).Log);
            var own = cluster.Service<PartyLog>(party);
            var entries = await own.ReadAsync(m => m.Store.ReadEntriesAsync(0, (int)m.Size), CancellationToken.None);
            Assert.Single(entries, e => SignedStatement.TryParse(e.Data, out var s, out _) && s.Statement.Type == Evidence.StatementType);

            // The evidence each node gossips names checkpoints its peers cannot catch up to; that is no error of the exchange.
            Assert.All(cluster.Network(party).Status.Where(s => s.Party != "FR"), s => Assert.Null(s.LastError));
        }
    }

    [Fact]
    public async Task Gossip_CheckpointTheSenderCannotBackWithEntries_Is200AndStoresNothing()
    {
        await using var cluster = await NodeCluster.StartFiveAsync();
        using var france = cluster.SigningKeyOf("FR");
        var (_, checkpoint) = await HistoryAsync(france, "a", 3);

        // Russia passes on a checkpoint of France's log that its own mirror does not hold: the United States cannot
        // read the entries from Russia's node, which is no failure of the United States' node.
        using var russia = cluster.PeerClient("US", "RU");
        using var response = await russia.PostAsJsonAsync("peer/gossip", new { checkpoints = new[] { new { log = "FR", note = checkpoint } }, alarms = 0 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await cluster.Service<LogDirectory>("US").Mirrors["FR"].Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
        Assert.Empty(cluster.Network("US").Alarms);
    }

    [Fact]
    public async Task Push_EntriesThatBreakTheLogsConsistency_Are400AndNothingIsStored()
    {
        await using var cluster = await NodeCluster.StartFiveAsync();
        using var france = cluster.SigningKeyOf("FR");
        var (entriesA, _) = await HistoryAsync(france, "a", 3);
        var (_, checkpointB) = await HistoryAsync(france, "b", 3);
        using var response = await Push(cluster, "US", "FR", 0, entriesA, checkpointB);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("consistency", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await cluster.Service<LogDirectory>("US").Mirrors["FR"].Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
    }

    [Fact]
    public async Task Push_SignedByAnotherParty_Or_OfTheNodesOwnLog_IsRefused()
    {
        await using var cluster = await NodeCluster.StartFiveAsync();
        using var britain = cluster.SigningKeyOf("GB");
        var (forged, forgedCheckpoint) = await HistoryAsync(britain, "x", 2);
        using (var response = await Push(cluster, "US", "FR", 0, forged, forgedCheckpoint, signer: "GB"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("a statement of GB in FR's log", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // France's entries under a checkpoint that Britain signed.
        using var france = cluster.SigningKeyOf("FR");
        var (entries, franceCheckpoint) = await HistoryAsync(france, "z", 2);
        Assert.True(SignedNote.TryParse(franceCheckpoint, out var note, out _));
        Assert.True(Checkpoint.TryParse(note.Text, out var tree, out _));
        using (var response = await Push(cluster, "US", "FR", 0, entries, tree.Sign(britain).ToString(), signer: "GB"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("not a checkpoint signed by FR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var us = cluster.SigningKeyOf("US");
        var (own, ownCheckpoint) = await HistoryAsync(us, "y", 2);
        using (var response = await Push(cluster, "US", "US", 0, own, ownCheckpoint, signer: "GB"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("only its operator writes it", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await cluster.Service<LogDirectory>("US").Mirrors["FR"].Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
        Assert.Equal(0, await cluster.Service<PartyLog>("US").ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
    }

    [Fact]
    public async Task PeerApi_RefusesUnsignedAndForeignRequests_ObserversReadOnly()
    {
        await using var cluster = await NodeCluster.StartFiveAsync();
        using var france = cluster.SigningKeyOf("FR");
        var (entries, checkpoint) = await HistoryAsync(france, "a", 2);

        using (var unsigned = await Push(cluster, "US", "FR", 0, entries, checkpoint, signer: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        using (var observer = await Push(cluster, "US", "FR", 0, entries, checkpoint, signer: NodeCluster.ObserverName))
        {
            Assert.Equal(HttpStatusCode.Forbidden, observer.StatusCode);
        }

        Assert.Equal(0, await cluster.Service<LogDirectory>("US").Mirrors["FR"].Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));

        // The observer reads any log the node holds; an unsigned reader of the peer API is refused.
        await cluster.SubmitAsync("US", 2);
        using var reader = cluster.PeerClient("US", NodeCluster.ObserverName);
        using var read = await reader.GetAsync("peer/logs/US/entries?start=0&count=10");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var anonymous = cluster.PeerClient("US", null);
        using var refused = await anonymous.GetAsync("peer/logs/US/entries?start=0&count=10");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task PeerApi_RefusesAWrongKeyAStaleRequestAndAReplay_StoringNothing()
    {
        await using var cluster = await NodeCluster.StartFiveAsync();
        using var france = cluster.SigningKeyOf("FR");
        var (entries, checkpoint) = await HistoryAsync(france, "a", 2);
        var body = System.Text.Json.JsonSerializer.Serialize(new { start = 0, entries, checkpoint });
        var url = new Uri(cluster.Url("US"), "peer/logs/FR/entries");
        HttpRequestMessage Request() => new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        // A key named FR that is not France's configured key.
        using (var impostor = SigningKey.Generate("FR", KeyAlgorithm.Ed25519, System.Security.Cryptography.RandomNumberGenerator.Create()))
        using (var client = new HttpClient(PeerClient.Handler(impostor, TimeProvider.System)))
        using (var response = await client.SendAsync(Request()))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // Signed by France ten minutes ago: stale.
        using (var client = new HttpClient(PeerClient.Handler(france, new ShiftedClock(TimeSpan.FromMinutes(-10)))))
        using (var response = await client.SendAsync(Request()))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("created", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        // Signed once by France and sent twice: the second is a replay.
        using var signer = new PeerSigningHandler(france, TimeProvider.System);
        using var original = Request();
        await signer.SignAsync(original, CancellationToken.None);
        using var plain = new HttpClient();
        using (var first = await plain.SendAsync(Copy(original, body)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var replay = await plain.SendAsync(Copy(original, body)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
            Assert.Contains("nonce", await replay.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(2, await cluster.Service<LogDirectory>("US").Mirrors["FR"].Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
    }

    [Fact]
    public async Task Push_WithAKeyRotationInTheBatch_IsVerifiedUnderTheNewKey_AndTheOldKeyIsRefusedAfterIt()
    {
        await using var cluster = await NodeCluster.StartFiveAsync();
        using var old = cluster.SigningKeyOf("FR");
        using var next = SigningKey.Generate("FR", KeyAlgorithm.Ed25519, System.Security.Cryptography.RandomNumberGenerator.Create());
        var origin = NodeOptions.DefaultOrigin("FR");

        async Task<(List<string> Entries, string Checkpoint)> Log(SigningKey afterRotation, SigningKey checkpointKey)
        {
            using var store = new MemoryLogStore();
            var log = await StatementLog.OpenAsync(store);
            var when = DateTimeOffset.UnixEpoch;
            var statements = new List<SignedStatement>
            {
                SignedStatement.Sign(Statement.Create("note", "FR", 1, when, Encoding.UTF8.GetBytes("before")), old),
                SignedStatement.Sign(KeyRotation.Create("FR", 2, when, next.Verifier), old),
                SignedStatement.Sign(Statement.Create("note", "FR", 3, when, Encoding.UTF8.GetBytes("after")), afterRotation),
            };
            await log.AppendAsync(statements);
            var checkpoint = (await log.Log.CheckpointAsync(origin)).Sign(checkpointKey);
            return ([.. statements.Select(x => Convert.ToBase64String(x.Bytes.Span))], checkpoint.ToString());
        }

        var (forged, forgedCheckpoint) = await Log(afterRotation: old, checkpointKey: next);
        using (var refused = await Push(cluster, "US", "FR", 0, forged, forgedCheckpoint))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("entries[2]", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (entries, checkpoint) = await Log(afterRotation: next, checkpointKey: next);
        using (var accepted = await Push(cluster, "US", "FR", 0, entries, checkpoint))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Equal(3, await cluster.Service<LogDirectory>("US").Mirrors["FR"].Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
    }

    private static HttpRequestMessage Copy(HttpRequestMessage signed, string body)
    {
        var copy = new HttpRequestMessage(signed.Method, signed.RequestUri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var header in signed.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var header in signed.Content!.Headers.Where(h => h.Key != "Content-Type" && h.Key != "Content-Length"))
        {
            copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }

    /// <summary>A log of <paramref name="key"/>'s party with <paramref name="size"/> statements, and its signed checkpoint.</summary>
    internal static async Task<(List<string> Entries, string Checkpoint)> HistoryAsync(SigningKey key, string tag, int size)
    {
        using var store = new MemoryLogStore();
        var log = await StatementLog.OpenAsync(store);
        var statements = Enumerable.Range(1, size)
            .Select(i => SignedStatement.Sign(Statement.Create("note", key.Name, i, DateTimeOffset.UnixEpoch.AddDays(i), Encoding.UTF8.GetBytes($"history {tag}, statement {i}")), key))
            .ToList();
        await log.AppendAsync(statements);
        var checkpoint = (await log.Log.CheckpointAsync(NodeOptions.DefaultOrigin(key.Name))).Sign(key);
        return ([.. statements.Select(s => Convert.ToBase64String(s.Bytes.Span))], checkpoint.ToString());
    }

    /// <summary>Pushes a batch of <paramref name="log"/>'s log to <paramref name="to"/>'s node, the request signed by <paramref name="signer"/> (default: the log's party).</summary>
    internal static async Task<HttpResponseMessage> Push(NodeCluster cluster, string to, string log, long start, List<string> entries, string checkpoint, string? signer = "")
    {
        using var client = cluster.PeerClient(to, signer == "" ? log : signer);
        return await client.PostAsJsonAsync($"peer/logs/{log}/entries", new { start, entries, checkpoint });
    }
}
