using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Verity.Node.Logs;
using Verity.Record.Keys;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Node.Peers;

/// <summary>The node among its peers: pushes its own log to every peer and takes their receipts, pulls every peer's
/// log into its mirror, exchanges the checkpoints it has seen (gossip), and raises an alarm — recorded as a signed
/// statement in its own log, with both checkpoints as evidence — when a party has shown two histories. One alarm per
/// log: once a party is caught, more evidence adds nothing, and its mirror is no longer caught up (it keeps the history
/// it verified; pushes are still checked against it).</summary>
/// <remarks>Delivery is at least once (a failed push is retried on the next round, from what the peer acknowledged);
/// application is exactly once (a mirror skips entries it holds, by hash). Every failure is kept in the peer's status,
/// never thrown out of a round.</remarks>
public sealed class PeerNetwork : IDisposable
{
    /// <summary>The most entries a node sends in one push: 100 keeps a push near 10 ms, its latency dominated by
    /// verifying the statements' signatures (see docs/benchmarks.md#ingest-from-a-peer).</summary>
    public const int BatchEntries = 100;

    /// <summary>The most entries a node accepts in one push.</summary>
    public const int MaxBatchEntries = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, PeerStatus> _status = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Evidence> _alarms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Log, long Size), SignedNote> _seen = new();
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>The node's logs and its peers; <paramref name="handler"/> carries the node's requests (it signs them).</summary>
    public PeerNetwork(LogDirectory logs, IReadOnlyList<VerifierKey> observers, HttpMessageHandler handler, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(logs);
        Logs = logs;
        Observers = observers;
        _clock = clock;
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var mirror in logs.Mirrors.Values)
        {
            _status[mirror.Peer.Party] = new PeerStatus(mirror.Peer.Party, mirror.Peer.Url, null, null, 0, null);
        }
    }

    /// <summary>The logs: the node's own and its mirrors.</summary>
    public LogDirectory Logs { get; }

    /// <summary>Observers' keys: they may read through the peer API, never write.</summary>
    public IReadOnlyList<VerifierKey> Observers { get; }

    /// <summary>The peers, by party.</summary>
    public IEnumerable<Peer> Peers => Logs.Mirrors.Values.Select(m => m.Peer);

    /// <summary>The peers' status.</summary>
    public IReadOnlyList<PeerStatus> Status => [.. _status.Values.OrderBy(s => s.Party, StringComparer.Ordinal)];

    /// <summary>Every equivocation alarm raised, with its evidence: one per log.</summary>
    public IReadOnlyList<Evidence> Alarms => [.. _alarms.Values.OrderBy(a => a.Log, StringComparer.Ordinal)];

    /// <summary>Raised after an alarm is recorded.</summary>
    public event EventHandler<Evidence>? Alarmed;

    /// <summary>Loads the alarms recorded in the node's own log (so that one is never raised twice).</summary>
    public async Task LoadAlarmsAsync(CancellationToken cancellationToken)
    {
        var own = Verity.Core.PartyCode.Parse(Logs.Own.Log.Party);
        var size = await Logs.TreeSizeAsync(own, cancellationToken).ConfigureAwait(false);
        foreach (var statement in await Logs.StatementsAsync(own, 0, size, cancellationToken).ConfigureAwait(false))
        {
            if (statement.Statement.Type == Evidence.StatementType && TryReadAlarm(statement.Statement.Body, out var evidence))
            {
                _alarms.TryAdd(evidence.Log, evidence);
            }
        }
    }

    /// <summary>A push received from a peer: offers it to the mirror, raises an alarm on equivocation, signs a receipt.</summary>
    public async Task<(MirrorOutcome Outcome, PushResult? Result)> ReceiveAsync(string log, PushBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!Logs.Mirrors.TryGetValue(log, out var mirror))
        {
            return (new MirrorOutcome.Refused("party", log == Logs.Own.Log.Party
                ? $"{log}'s log is this node's own: only its operator writes it"
                : $"this node does not mirror {log}'s log (its peers: {string.Join(", ", Logs.Mirrors.Keys)})"), null);
        }

        var entries = new ReadOnlyMemory<byte>[batch.Entries.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            try
            {
                entries[i] = Convert.FromBase64String(batch.Entries[i]);
            }
            catch (FormatException)
            {
                return (new MirrorOutcome.Refused($"entries[{batch.Start + i}]", "not valid base64"), null);
            }
        }

        var outcome = await mirror.OfferAsync(batch.Start, entries, batch.Checkpoint, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case MirrorOutcome.Equivocation e:
                await RaiseAsync(e.Evidence, cancellationToken).ConfigureAwait(false);
                return (outcome, null);
            case MirrorOutcome.Stored stored:
                Remember(log, stored.Checkpoint);
                var receipt = Receipts.Sign(Logs.Own.Log.Party, CheckpointOf(stored.Checkpoint), Logs.Own.Key);
                return (outcome, new PushResult(log, stored.Size, stored.Root.ToBase64(), stored.Applied, stored.Duplicates, receipt.ToString()));
            default:
                return (outcome, null);
        }
    }

    /// <summary>One round with every peer: push, pull, gossip. Failures are recorded in <see cref="Status"/>: a peer's
    /// last error is the first failure of its last round, shown as soon as it happens, and cleared only by a round in
    /// which every exchange with it succeeded (a gossip that succeeds does not hide a push that failed).</summary>
    public async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var peers = Peers.ToList();
            var failures = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var peer in peers)
            {
                await GuardAsync(peer, failures, () => PushAsync(peer, cancellationToken)).ConfigureAwait(false);
                await GuardAsync(peer, failures, () => PullAsync(peer, cancellationToken)).ConfigureAwait(false);
            }

            foreach (var peer in peers)
            {
                await GuardAsync(peer, failures, () => GossipAsync(peer, cancellationToken)).ConfigureAwait(false);
            }

            foreach (var peer in peers)
            {
                var failure = failures.GetValueOrDefault(peer.Party);
                _status.AddOrUpdate(peer.Party, _ => new PeerStatus(peer.Party, peer.Url, null, failure, 0, null), (_, s) => s with { LastError = failure });
            }
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>Pushes the node's own log to <paramref name="peer"/> from what it acknowledged, batch by batch, checking each
    /// receipt. A receipt may name a later checkpoint than the batch's (the peer already held more, from its own pulls);
    /// it is taken if this log has that checkpoint's root at its size, and the peer then counts as holding that much.</summary>
    public async Task PushAsync(Peer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var own = Logs.Own;
        var party = own.Log.Party;
        var receipted = _acknowledged.TryGetValue(peer.Party, out var acknowledged);
        if (!receipted)
        {
            acknowledged = await TheirSizeOfOursAsync(peer, cancellationToken).ConfigureAwait(false);
        }

        // A peer that already holds all of this log (it pulled, or caught up through gossip, while this node was down)
        // is sent an empty batch at its size, so that it signs a receipt: what it holds is acknowledged, not assumed.
        var size = await own.ReadAsync(merkle => Task.FromResult(merkle.Size), cancellationToken).ConfigureAwait(false);
        while (acknowledged < size || (!receipted && acknowledged > 0))
        {
            var count = (int)Math.Min(BatchEntries, size - acknowledged);
            IReadOnlyList<StoredEntry> entries = count == 0 ? []
                : await own.Log.ReadAsync(async merkle => await merkle.Store.ReadEntriesAsync(acknowledged, count, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var note = await own.CheckpointAsync(acknowledged + count, cancellationToken).ConfigureAwait(false);
            var batch = new PushBatch(acknowledged, [.. entries.Select(e => Convert.ToBase64String(e.Data.Span))], note.ToString());
            using var response = await _http.PostAsJsonAsync(new Uri(peer.Url, $"peer/logs/{party}/entries"), batch, Json, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Conflict && await GapSizeAsync(response, cancellationToken).ConfigureAwait(false) is { } theirs)
            {
                acknowledged = theirs;
                continue;
            }

            await EnsureAsync(response, peer, "push", cancellationToken).ConfigureAwait(false);
            var result = await response.Content.ReadFromJsonAsync<PushResult>(Json, cancellationToken).ConfigureAwait(false)
                ?? throw new PeerException(peer.Party, "push: empty answer");
            acknowledged = await ReceiptedSizeAsync(peer, result.Receipt, CheckpointOf(note), cancellationToken).ConfigureAwait(false);
            receipted = true;
            _acknowledged[peer.Party] = acknowledged;
            Touch(peer, receipt: result.Receipt);
        }
    }

    /// <summary>Pulls <paramref name="peer"/>'s own log from its node into the mirror.</summary>
    public async Task PullAsync(Peer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var note = await GetCheckpointAsync(peer, peer.Party, cancellationToken).ConfigureAwait(false);
        if (note is not null)
        {
            await CatchUpAsync(peer, peer.Party, note, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends every checkpoint this node holds to <paramref name="peer"/> and checks every one it sends back.</summary>
    public async Task GossipAsync(Peer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var message = await OwnGossipAsync(cancellationToken).ConfigureAwait(false);
        using var response = await _http.PostAsJsonAsync(new Uri(peer.Url, "peer/gossip"), message, Json, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, peer, "gossip", cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadFromJsonAsync<GossipMessage>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new PeerException(peer.Party, "gossip: empty answer");
        var failure = await ReceiveGossipAsync(peer, answer, cancellationToken).ConfigureAwait(false);
        Touch(peer);
        if (failure is not null)
        {
            throw new PeerException(peer.Party, $"gossip: {failure}");
        }
    }

    /// <summary>The checkpoints this node gossips: a fresh one of its own log, the latest verified one of each mirror,
    /// and every checkpoint that is evidence of an alarm.</summary>
    public async Task<GossipMessage> OwnGossipAsync(CancellationToken cancellationToken)
    {
        var own = await Logs.Own.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<GossipCheckpoint> { new(Logs.Own.Log.Party, own.ToString()) };
        foreach (var mirror in Logs.Mirrors.Values)
        {
            if (await mirror.LatestAsync(cancellationToken).ConfigureAwait(false) is { } latest)
            {
                list.Add(new GossipCheckpoint(mirror.Peer.Party, latest.ToString()));
            }
        }

        list.AddRange(_alarms.Values.SelectMany(a => new[] { a.First, a.Second }.Select(n => new GossipCheckpoint(a.Log, n.ToString()))));
        return new GossipMessage([.. list.DistinctBy(c => (c.Log, c.Note))], _alarms.Count);
    }

    /// <summary>Checks gossiped checkpoints from <paramref name="from"/>: a checkpoint the mirror covers must match it;
    /// one beyond it is caught up to from the sender (its entries must hash to it, or the sender must prove it extends
    /// what is held); two of one size must agree. Any contradiction raises an alarm. Every checkpoint is checked even
    /// when catching up to one fails (the sender may not hold the entries of a checkpoint it passes on as evidence).</summary>
    /// <returns>The first failure to catch up from the sender, or null.</returns>
    public async Task<string?> ReceiveGossipAsync(Peer from, GossipMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(message);
        string? failure = null;
        foreach (var item in message.Checkpoints)
        {
            try
            {
                if (item.Log == Logs.Own.Log.Party)
                {
                    await CheckOwnAsync(item.Note, cancellationToken).ConfigureAwait(false);
                }
                else if (Logs.Mirrors.ContainsKey(item.Log))
                {
                    await CatchUpAsync(from, item.Log, item.Note, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (IsExchangeFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                failure ??= $"catching up {item.Log}'s log from {from.Party}: {e.Message}";
            }
        }

        return failure;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _round.Dispose();
    }

    /// <summary>Brings the mirror of <paramref name="log"/> up to the signed checkpoint <paramref name="note"/>, reading
    /// the missing entries from <paramref name="source"/>'s node; raises an alarm if the checkpoint contradicts the mirror.</summary>
    private async Task CatchUpAsync(Peer source, string log, string note, CancellationToken cancellationToken)
    {
        var mirror = Logs.Mirrors[log];
        if (_alarms.ContainsKey(log) || !mirror.TryOpen(note, out var signed, out var checkpoint, out _))
        {
            return; // a party caught showing two histories is not followed further: the mirror keeps what it verified
        }

        if (_seen.TryGetValue((log, checkpoint!.TreeSize), out var other) && other.Text != signed!.Text)
        {
            await RaiseAsync(new Evidence(log, $"two checkpoints signed by {log} of size {checkpoint.TreeSize} with different roots", other, signed), cancellationToken).ConfigureAwait(false);
            return;
        }

        Remember(log, signed!);
        if (await mirror.CheckAsync(signed!, checkpoint, cancellationToken).ConfigureAwait(false) is { } evidence)
        {
            await RaiseAsync(evidence, cancellationToken).ConfigureAwait(false);
            return;
        }

        var held = await mirror.Log.ReadAsync(merkle => Task.FromResult(merkle.Size), cancellationToken).ConfigureAwait(false);
        if (checkpoint.TreeSize <= held)
        {
            if (checkpoint.TreeSize == held && mirror.Latest is null)
            {
                // The mirror's entries are known but no checkpoint that signs them (none was kept, or the kept one did not
                // verify after a restart): take this one.
                await mirror.OfferAsync(held, [], note, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var entries = await GetEntriesAsync(source, log, held, checkpoint.TreeSize, cancellationToken).ConfigureAwait(false);
        var outcome = await mirror.OfferAsync(held, entries, note, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case MirrorOutcome.Equivocation e:
                await RaiseAsync(e.Evidence, cancellationToken).ConfigureAwait(false);
                break;
            case MirrorOutcome.Refused refused when mirror.Latest is { } latest && held > 0:
                // The entries do not extend what is held. If the source cannot prove that the checkpoint extends the
                // mirror, the party has signed two histories.
                if (!await ProvesExtensionAsync(source, log, held, mirror, checkpoint, cancellationToken).ConfigureAwait(false))
                {
                    await RaiseAsync(new Evidence(log, $"{log}'s checkpoint of size {checkpoint.TreeSize} does not extend its checkpoint of size {held}: {refused.Message}", latest, signed!), cancellationToken).ConfigureAwait(false);
                }

                break;
            case MirrorOutcome.Refused refused:
                throw new PeerException(source.Party, $"{log}'s entries from {source.Party}: {refused.Field}: {refused.Message}");
            default:
                break;
        }
    }

    private async Task<bool> ProvesExtensionAsync(Peer source, string log, long held, Mirror mirror, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(source.Url, $"peer/logs/{log}/proofs/consistency?from={held}&to={checkpoint.TreeSize}"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var proof = await response.Content.ReadFromJsonAsync<Api.ConsistencyResult>(Json, cancellationToken).ConfigureAwait(false);
        if (proof is null)
        {
            return false;
        }

        var hashes = proof.Hashes.Select(h => Sha256Hash.TryParseBase64(h, out var hash) ? hash : default).ToArray();
        var ours = await mirror.Log.ReadAsync(merkle => merkle.RootAsync(held, cancellationToken), cancellationToken).ConfigureAwait(false);
        return ConsistencyProof.Verify(held, checkpoint.TreeSize, hashes, ours, checkpoint.RootHash).IsValid;
    }

    /// <summary>A checkpoint of this node's own log that someone holds: it must be one this node could have signed.</summary>
    private async Task CheckOwnAsync(string note, CancellationToken cancellationToken)
    {
        var own = Logs.Own;
        var opening = Checkpoint.Open(note, [own.Verifier]);
        if (!opening.IsValid || opening.Checkpoint!.Origin != own.Options.CheckpointOrigin || !SignedNote.TryParse(note, out var signed, out _))
        {
            return;
        }

        var checkpoint = opening.Checkpoint;
        var ours = await own.ReadAsync(async merkle => checkpoint.TreeSize > merkle.Size ? null : (Sha256Hash?)await merkle.RootAsync(checkpoint.TreeSize, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (ours != checkpoint.RootHash)
        {
            var mine = await own.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            await RaiseAsync(new Evidence(own.Log.Party, $"a checkpoint signed with this node's own key that its log does not match (size {checkpoint.TreeSize}): the key may be compromised", mine, signed), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records an alarm once per log: in memory and as a signed statement in the node's own log. (A party
    /// that goes on with another history gives new evidence at each checkpoint; recording each would grow every
    /// honest log, and the gossip that carries the evidence, without end.)</summary>
    private async Task RaiseAsync(Evidence evidence, CancellationToken cancellationToken)
    {
        if (!_alarms.TryAdd(evidence.Log, evidence))
        {
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new AlarmBody(evidence.Log, evidence.Reason, [evidence.First.ToString(), evidence.Second.ToString()]), Json);
        try
        {
            await Logs.Own.AppendAsync(Evidence.StatementType, body, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyRetiredException)
        {
            // The alarm stays in memory; the operator must restart the node with its key in force to record it.
        }

        Alarmed?.Invoke(this, evidence);
    }

    private static bool TryReadAlarm(ReadOnlyMemory<byte> body, out Evidence evidence)
    {
        evidence = null!;
        try
        {
            var alarm = JsonSerializer.Deserialize<AlarmBody>(body.Span, Json);
            if (alarm is { Checkpoints.Count: 2 } && SignedNote.TryParse(alarm.Checkpoints[0], out var first, out _) && SignedNote.TryParse(alarm.Checkpoints[1], out var second, out _))
            {
                evidence = new Evidence(alarm.Log, alarm.Reason, first, second);
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>The checkpoint a note this node signed or verified carries.</summary>
    private static Checkpoint CheckpointOf(SignedNote note) =>
        Checkpoint.TryParse(note.Text, out var checkpoint, out var problem) ? checkpoint : throw new InvalidOperationException(problem);

    private void Remember(string log, SignedNote note)
    {
        if (Checkpoint.TryParse(note.Text, out var checkpoint, out _))
        {
            _seen.TryAdd((log, checkpoint.TreeSize), note);
        }
    }

    /// <summary>How much of this node's log <paramref name="receipt"/> shows the peer holding: the size of the checkpoint
    /// it names, which must be of this log, this log's root at its size, and cover the batch pushed (<paramref name="pushed"/>).</summary>
    private async Task<long> ReceiptedSizeAsync(Peer peer, string receipt, Checkpoint pushed, CancellationToken cancellationToken)
    {
        if (!Receipts.TryOpen(receipt, peer.Party, peer.Key, out var named, out var problem))
        {
            throw new PeerException(peer.Party, $"push: the receipt does not verify: {problem}");
        }

        if (named.Equals(pushed))
        {
            return named.TreeSize;
        }

        if (named.Origin != pushed.Origin || named.TreeSize < pushed.TreeSize)
        {
            throw new PeerException(peer.Party, $"push: the receipt is for {named.Origin} at size {named.TreeSize}, not for the checkpoint pushed ({pushed.Origin} at size {pushed.TreeSize}) or a later one of it");
        }

        var (size, root) = await Logs.Own.ReadAsync(async merkle => (merkle.Size, named.TreeSize <= merkle.Size ? (Sha256Hash?)await merkle.RootAsync(named.TreeSize, cancellationToken).ConfigureAwait(false) : null), cancellationToken).ConfigureAwait(false);
        return root == named.RootHash
            ? named.TreeSize
            : throw new PeerException(peer.Party, root is null
                ? $"push: the receipt is for size {named.TreeSize}, beyond this log's size {size}"
                : $"push: the receipt names root {named.RootHash.ToBase64()} at size {named.TreeSize}; this log's root there is {root.Value.ToBase64()}");
    }

    /// <summary>Where to push from when the peer has acknowledged nothing since this node started: the size of the
    /// peer's checkpoint of this log, if it is signed by this node's key and this log has its root at its size.</summary>
    private async Task<long> TheirSizeOfOursAsync(Peer peer, CancellationToken cancellationToken)
    {
        var note = await GetCheckpointAsync(peer, Logs.Own.Log.Party, cancellationToken).ConfigureAwait(false);
        if (note is null)
        {
            return 0;
        }

        var opening = Checkpoint.Open(note, [Logs.Own.Verifier]);
        if (!opening.IsValid || opening.Checkpoint!.Origin != Logs.Own.Options.CheckpointOrigin)
        {
            return 0;
        }

        var theirs = opening.Checkpoint;
        var ours = await Logs.Own.ReadAsync(async merkle => theirs.TreeSize <= merkle.Size ? (Sha256Hash?)await merkle.RootAsync(theirs.TreeSize, cancellationToken).ConfigureAwait(false) : null, cancellationToken).ConfigureAwait(false);
        return ours == theirs.RootHash ? theirs.TreeSize : 0;
    }

    private async Task<string?> GetCheckpointAsync(Peer peer, string log, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(peer.Url, $"peer/logs/{log}/checkpoint"), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureAsync(response, peer, "checkpoint", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<ReadOnlyMemory<byte>>> GetEntriesAsync(Peer peer, string log, long start, long end, CancellationToken cancellationToken)
    {
        var entries = new List<ReadOnlyMemory<byte>>((int)Math.Min(end - start, 1 << 20));
        while (start + entries.Count < end)
        {
            var from = start + entries.Count;
            var count = (int)Math.Min(Api.LogsApi.MaxCount, end - from);
            using var response = await _http.GetAsync(new Uri(peer.Url, $"peer/logs/{log}/entries?start={from}&count={count}"), cancellationToken).ConfigureAwait(false);
            await EnsureAsync(response, peer, "entries", cancellationToken).ConfigureAwait(false);
            var page = await response.Content.ReadFromJsonAsync<Api.EntriesResult>(Json, cancellationToken).ConfigureAwait(false);
            if (page is null || page.Entries.Count == 0)
            {
                throw new PeerException(peer.Party, $"entries: {log}'s log at {peer.Party} ends before {end}");
            }

            entries.AddRange(page.Entries.Select(e => (ReadOnlyMemory<byte>)Convert.FromBase64String(e.Data)));
        }

        return entries;
    }

    private static async Task<long?> GapSizeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return document.RootElement.TryGetProperty("size", out var size) && size.TryGetInt64(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, Peer peer, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new PeerException(peer.Party, $"{what}: HTTP {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}");
        }
    }

    /// <summary>Runs one exchange with <paramref name="peer"/>; the round's first failure with it is kept in
    /// <paramref name="failures"/> and shown in its status at once.</summary>
    private async Task GuardAsync(Peer peer, Dictionary<string, string> failures, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception e) when (IsExchangeFailure(e))
        {
            if (failures.TryAdd(peer.Party, e.Message))
            {
                _status.AddOrUpdate(peer.Party, _ => new PeerStatus(peer.Party, peer.Url, null, e.Message, 0, null), (_, s) => s with { LastError = e.Message });
            }
        }
    }

    /// <summary>A failure of an exchange with a peer (it is down, slow, or answered something that does not hold), as
    /// opposed to a failure of this node.</summary>
    private static bool IsExchangeFailure(Exception e) =>
        e is HttpRequestException or PeerException or TaskCanceledException or JsonException or FormatException or NotSupportedException;

    /// <summary>A request to <paramref name="peer"/> succeeded: its last contact, and what it acknowledged. The last error
    /// stands until a whole round succeeds (<see cref="SyncOnceAsync"/>).</summary>
    private void Touch(Peer peer, string? receipt = null)
    {
        var now = _clock.GetUtcNow();
        var acknowledged = _acknowledged.GetValueOrDefault(peer.Party);
        _status.AddOrUpdate(peer.Party, _ => new PeerStatus(peer.Party, peer.Url, now, null, acknowledged, receipt),
            (_, s) => s with { LastContact = now, Acknowledged = acknowledged, LastReceipt = receipt ?? s.LastReceipt });
    }

    private sealed record AlarmBody(string Log, string Reason, IReadOnlyList<string> Checkpoints);
}

/// <summary>A peer failed or answered something that does not hold.</summary>
public sealed class PeerException : Exception
{
    /// <inheritdoc />
    public PeerException() { }

    /// <inheritdoc />
    public PeerException(string message) : base(message) { }

    /// <inheritdoc />
    public PeerException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>A failure of <paramref name="peer"/>.</summary>
    public PeerException(string peer, string message) : base($"{peer}: {message}") => Peer = peer;

    /// <summary>The peer.</summary>
    public string? Peer { get; }
}
