extern alias node;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using node::Verity.Node;
using node::Verity.Node.Api;
using node::Verity.Node.Logs;
using node::Verity.Node.Peers;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Notes;
using Verity.Record.Sqlite;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Bench.Node;

/// <summary>A soak and chaos run: five real <c>verity serve</c> processes on loopback, each a peer of every other,
/// under a steady submitting load for a bounded time, while random nodes are killed with SIGKILL and started again on
/// the same files and port, and one party (France) shows a split view: two histories of its log, one to two peers and
/// the other to the other two. At the end it checks that every acknowledged statement (answered 201) is in its party's
/// own log and in every honest node's mirror of it, that every honest node raised the equivocation alarm, that every
/// honest node's peers acknowledged its whole log with no error standing, and that <c>verity log verify</c> passes on
/// every file.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Verity.Bench -- soak [--minutes 10] [--seed 1] [--rate 10]
/// [--verity PATH] [--keep]</c>. Exit 0 when every check passes, 1 when one fails, 2 on bad options.</remarks>
public static class SoakHarness
{
    private static readonly string[] Parties = ["US", "RU", "CN", "GB", "FR"];
    private static readonly string[] Honest = ["US", "RU", "CN", "GB"];
    private const string Liar = "FR";
    private const string Token = "soak-operator-token";
    private static readonly string[] Configurations = ["Release", "Debug"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var options, out var problem))
        {
            Console.Error.WriteLine($"soak: {problem}");
            Console.Error.WriteLine("usage: soak [--minutes M (default 10)] [--seed N (default 1)] [--rate STATEMENTS_PER_SECOND_PER_NODE (default 10)] [--verity PATH] [--keep]");
            return 2;
        }

        var directory = Path.Combine(Path.GetTempPath(), $"verity-soak-{options.Seed}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(Path.Combine(directory, "keys"));
        var run = new Run(options, directory);
        try
        {
            return await run.ExecuteAsync();
        }
        finally
        {
            run.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (options.Keep)
            {
                Console.WriteLine($"Files kept in {directory}");
            }
            else
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private sealed record Options(TimeSpan Duration, int Seed, double Rate, string Verity, bool Keep);

    private static bool TryParse(string[] args, out Options options, out string? problem)
    {
        options = null!;
        problem = null;
        var minutes = 10.0;
        var seed = 1;
        var rate = 10.0;
        string? verity = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--keep")
            {
                keep = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"{name}: expected a value after it";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--minutes" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 && m <= 24 * 60:
                    minutes = m;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--rate" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 && r <= 1000:
                    rate = r;
                    break;
                case "--verity":
                    verity = value;
                    break;
                case "--minutes" or "--seed" or "--rate":
                    problem = $"{name}: '{value}' is not {(name == "--seed" ? "an integer" : name == "--minutes" ? "a number of minutes above 0 and at most 1440" : "a rate above 0 and at most 1000 statements per second")}";
                    return false;
                default:
                    problem = $"unknown option '{name}'";
                    return false;
            }
        }

        verity ??= DefaultVerity();
        if (verity is null || !File.Exists(verity))
        {
            problem = verity is null
                ? "--verity: no built verity found (build it first: dotnet build -c Release src/Verity.Cli), or name it with --verity PATH"
                : $"--verity: {verity}: no such file";
            return false;
        }

        options = new Options(TimeSpan.FromMinutes(minutes), seed, rate, Path.GetFullPath(verity), keep);
        return true;
    }

    /// <summary>The built CLI beside this repository's bench: Release first, then Debug.</summary>
    private static string? DefaultVerity()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Verity.slnx")))
            {
                return Configurations
                    .Select(c => Path.Combine(folder.FullName, "src", "Verity.Cli", "bin", c, "net10.0", "verity"))
                    .FirstOrDefault(File.Exists);
            }
        }

        return null;
    }

    /// <summary>A statement the node answered 201 for: it must be at <c>Index</c> with <c>LeafHash</c>, for good.</summary>
    private sealed record Acknowledged(long Index, string LeafHash);

    /// <summary>The split view: France's log forked at <c>At</c>, one history pushed to each side; <c>Caught</c> the
    /// peers that refused it at once (422: gossip had already brought them the other history); <c>Problems</c> any
    /// other answer.</summary>
    private sealed record SplitView(long At, TimeSpan When, IReadOnlyList<string> Caught, IReadOnlyList<string> Problems);

    private sealed class Run(Options options, string directory) : IDisposable
    {
        private readonly Dictionary<string, SoakNode> _nodes = [];
        private readonly Dictionary<string, NodeOptions> _files = [];
        private readonly ConcurrentDictionary<string, ConcurrentBag<Acknowledged>> _acknowledged = new();
        private readonly ConcurrentDictionary<string, int> _refused = new();
        private readonly Dictionary<string, int> _kills = Parties.ToDictionary(p => p, _ => 0);
        private readonly Random _random = new(options.Seed);
        private readonly Stopwatch _clock = new();

        public async Task<int> ExecuteAsync()
        {
            Console.WriteLine(IngestHarness.Invariant($"Soak: 5 verity serve nodes ({string.Join(" ", Parties)}) under aca-2025 on 127.0.0.1, {options.Duration.TotalMinutes:0.##} min, seed {options.Seed}, {options.Rate:0.##} statements/s submitted to each node; {Liar} shows a split view; verity: {options.Verity}"));
            await SetUpAsync();
            _clock.Start();
            using var stop = new CancellationTokenSource();
            var load = Parties.Select(p => SubmitAsync(p, stop.Token)).ToList();
            var progress = ProgressAsync(stop.Token);
            SplitView? split = null;
            while (_clock.Elapsed < options.Duration)
            {
                await Task.Delay(Seconds(3, 12, until: options.Duration));
                if (_clock.Elapsed >= options.Duration)
                {
                    break;
                }

                if (split is null && _clock.Elapsed >= options.Duration / 3)
                {
                    split = await SplitViewAsync();
                    continue;
                }

                var victim = Parties[_random.Next(Parties.Length)];
                await _nodes[victim].KillAsync();
                _kills[victim]++;
                await Task.Delay(Seconds(0.5, 4, until: TimeSpan.MaxValue));
                await _nodes[victim].StartAsync();
            }

            split ??= await SplitViewAsync(); // a run too short for a kill still shows the split view
            await stop.CancelAsync();
            await Task.WhenAll(load);
            await progress;
            var loadStopped = _clock.Elapsed;

            // Every node up; wait until the honest nodes agree (bounded).
            var (converged, network) = await ConvergeAsync(TimeSpan.FromMinutes(3));
            var settled = _clock.Elapsed - loadStopped;
            foreach (var node in _nodes.Values)
            {
                await node.KillAsync(); // the files are read as SIGKILL leaves them
            }

            var verified = await VerifyFilesAsync();
            var lost = await LostAsync(split.At);
            return Report(split, converged, settled, network, verified, lost);
        }

        public void Dispose()
        {
            foreach (var node in _nodes.Values)
            {
                node.Dispose();
            }
        }

        private async Task SetUpAsync()
        {
            var keys = Path.Combine(directory, "keys");
            foreach (var party in Parties)
            {
                var start = SoakNode.Command(options.Verity, ["keys", "new", "--name", party, "--out", keys]);
                start.RedirectStandardOutput = true;
                using var process = Process.Start(start)!;
                await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"verity keys new --name {party}: exit {process.ExitCode}");
                }
            }

            var ports = Parties.ToDictionary(p => p, _ => IngestHarness.FreePort());
            foreach (var party in Parties)
            {
                var db = Path.Combine(directory, party.ToLowerInvariant() + ".db");
                _files[party] = new NodeOptions(party, "aca-2025", KeyFile(party), db);
                string[] serve =
                [
                    "serve", "--party", party, "--treaty", "aca-2025", "--entry-into-force", "2027-02-05", "--key", KeyFile(party), "--db", db,
                    "--urls", $"http://127.0.0.1:{ports[party]}", "--operator-token", Token, "--sync-interval", "1",
                    .. Parties.Where(p => p != party).SelectMany(p => new[] { "--peer", $"{p}=http://127.0.0.1:{ports[p]}/,{VerifierFile(p)}" }),
                ];
                _nodes[party] = new SoakNode(party, ports[party], options.Verity, serve, Path.Combine(directory, party + ".out"));
                _acknowledged[party] = [];
                _refused[party] = 0;
            }

            await Task.WhenAll(_nodes.Values.Select(n => n.StartAsync()));
        }

        private string KeyFile(string party) => Path.Combine(directory, "keys", party + ".key");

        private string VerifierFile(string party) => Path.Combine(directory, "keys", party + ".vkey");

        /// <summary>Between <paramref name="low"/> and <paramref name="high"/> seconds from the seeded generator, cut at <paramref name="until"/>.</summary>
        private TimeSpan Seconds(double low, double high, TimeSpan until)
        {
            var wait = TimeSpan.FromSeconds(low + (_random.NextDouble() * (high - low)));
            var left = until - _clock.Elapsed;
            return until == TimeSpan.MaxValue || wait < left ? wait : left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        /// <summary>The steady load on one node: a note every 1/rate seconds, as its operator; a 201 is acknowledged.</summary>
        private async Task SubmitAsync(string party, CancellationToken stop)
        {
            using var client = new HttpClient { BaseAddress = _nodes[party].Url, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / options.Rate));
            var n = 0;
            try
            {
                while (await timer.WaitForNextTickAsync(stop))
                {
                    n++;
                    var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(IngestHarness.Invariant($"soak seed {options.Seed}: {party} statement {n}")));
                    try
                    {
                        // Never cancelled in flight: an answer is either had or not.
                        using var response = await client.PostAsJsonAsync("statements", new { type = "note", body }, CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var appended = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                            _acknowledged[party].Add(new Acknowledged(appended.GetProperty("index").GetInt64(), appended.GetProperty("leaf_hash").GetString()!));
                        }
                        else
                        {
                            _refused.AddOrUpdate(party, 1, (_, c) => c + 1);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
                    {
                        _refused.AddOrUpdate(party, 1, (_, c) => c + 1); // the node is down, or went down mid-request
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        private async Task ProgressAsync(CancellationToken stop)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(60), stop);
                    Console.WriteLine(IngestHarness.Invariant($"  [{_clock.Elapsed.TotalSeconds:0} s] kills {_kills.Values.Sum()}, acknowledged {_acknowledged.Values.Sum(b => b.Count):N0}, refused {_refused.Values.Sum():N0}"));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        /// <summary>France's operator stops its node, forks its log at its end (one different statement on each side,
        /// both signed with France's key) and pushes one history to the United States and Russia, the other to China and
        /// the United Kingdom, as France's node would (signed peer requests); then starts France's node again, which goes
        /// on with a third history, its real one.</summary>
        private async Task<SplitView> SplitViewAsync()
        {
            var when = _clock.Elapsed;
            var liar = _nodes[Liar];
            await liar.KillAsync();
            _kills[Liar]++;
            List<SignedStatement> real;
            using (var store = SqliteLogStore.Open(_files[Liar].DbFile))
            {
                var size = await store.GetSizeAsync();
                real = [.. (await store.ReadEntriesAsync(0, (int)size)).Select(e => SignedStatement.TryParse(e.Data, out var s, out var why) ? s : throw new InvalidOperationException(why))];
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using var key = SigningKey.TryParse(File.ReadAllText(KeyFile(Liar)).TrimEnd('\n'), out var k, out var bad) ? k : throw new InvalidOperationException(bad);
            var problems = new List<string>();
            var caught = new List<string>();
            foreach (var (side, peers) in new[] { ("a", new[] { "US", "RU" }), ("b", new[] { "CN", "GB" }) })
            {
                using var memory = new MemoryLogStore();
                var history = await StatementLog.OpenAsync(memory);
                var fork = SignedStatement.Sign(Statement.Create("note", Liar, (real.Count > 0 ? real[^1].Statement.Sequence : 0) + 1, DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes($"split view, history {side}")), key);
                List<SignedStatement> entries = [.. real, fork];
                await history.AppendAsync(entries);
                foreach (var peer in peers)
                {
                    (HttpStatusCode, string) answer;
                    try
                    {
                        answer = await PushAsync(peer, history.Log, entries, key);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
                    {
                        answer = (HttpStatusCode.ServiceUnavailable, e.Message);
                    }

                    switch (answer)
                    {
                        case (HttpStatusCode.OK, _):
                            break;
                        case (HttpStatusCode.UnprocessableEntity, _):
                            caught.Add(peer);
                            break;
                        case var (status, text):
                            problems.Add(IngestHarness.Invariant($"history {side} to {peer}: HTTP {(int)status}: {text}"));
                            break;
                    }
                }
            }

            await liar.StartAsync();
            Console.WriteLine(IngestHarness.Invariant($"  [{when.TotalSeconds:0} s] split view: {Liar}'s log forked at {real.Count}, history a to US and RU, b to CN and GB{(caught.Count > 0 ? $"; refused at once (422) by {string.Join(", ", caught)}" : "")}{(problems.Count > 0 ? "; " + string.Join("; ", problems) : "")}"));
            return new SplitView(real.Count, when, caught, problems);
        }

        /// <summary>Pushes <paramref name="entries"/> to <paramref name="peer"/>'s mirror of the liar's log from where
        /// it ends, in batches that each end at a checkpoint signed with the liar's key: the last answer.</summary>
        private async Task<(HttpStatusCode Status, string Text)> PushAsync(string peer, MerkleLog history, List<SignedStatement> entries, SigningKey key)
        {
            using var client = new HttpClient(PeerClient.Handler(key, TimeProvider.System)) { BaseAddress = _nodes[peer].Url, Timeout = TimeSpan.FromSeconds(30) };
            var network = await GetNetworkAsync(_nodes[peer]);
            var start = network?.Mirrors.Single(m => m.Party == Liar).Size ?? 0;
            while (start < entries.Count)
            {
                var end = (int)Math.Min(start + 500, entries.Count);
                var checkpoint = new Checkpoint(NodeOptions.DefaultOrigin(Liar), end, await history.RootAsync(end)).Sign(key);
                var batch = new PushBatch(start, [.. entries.Skip((int)start).Take(end - (int)start).Select(s => Convert.ToBase64String(s.Bytes.Span))], checkpoint.ToString());
                using var response = await client.PostAsJsonAsync($"peer/logs/{Liar}/entries", batch, Json);
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    start = (await response.Content.ReadFromJsonAsync<GapResult>(Json))!.Size;
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return (response.StatusCode, await response.Content.ReadAsStringAsync());
                }

                start = end;
            }

            return (HttpStatusCode.OK, "");
        }

        private static async Task<NetworkResult?> GetNetworkAsync(SoakNode node)
        {
            using var client = new HttpClient { BaseAddress = node.Url, Timeout = TimeSpan.FromSeconds(30) };
            try
            {
                return await client.GetFromJsonAsync<NetworkResult>("network", Json);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                return null;
            }
        }

        private static long SizeOf(string checkpoint) => long.Parse(checkpoint.Split('\n')[1], CultureInfo.InvariantCulture);

        /// <summary>Waits until, at every honest node, every honest peer's mirror has that peer's whole log, every honest
        /// peer acknowledged this node's whole log with no error standing, and the alarm about the liar is raised.</summary>
        private async Task<(List<string> Lagging, Dictionary<string, NetworkResult> Network)> ConvergeAsync(TimeSpan timeout)
        {
            var deadline = _clock.Elapsed + timeout;
            while (true)
            {
                var network = new Dictionary<string, NetworkResult>();
                foreach (var party in Parties)
                {
                    if (await GetNetworkAsync(_nodes[party]) is { } answer)
                    {
                        network[party] = answer;
                    }
                }

                var lagging = new List<string>();
                foreach (var holder in Honest)
                {
                    if (!network.TryGetValue(holder, out var at))
                    {
                        lagging.Add($"{holder}: no answer to GET /network");
                        continue;
                    }

                    var own = SizeOf(at.Checkpoint);
                    foreach (var party in Honest.Where(p => p != holder))
                    {
                        var size = network.TryGetValue(party, out var theirs) ? SizeOf(theirs.Checkpoint) : -1;
                        var mirror = at.Mirrors.Single(m => m.Party == party).Size;
                        if (mirror != size)
                        {
                            lagging.Add(IngestHarness.Invariant($"{holder}'s mirror of {party}: {mirror} of {size}"));
                        }

                        var peer = at.Peers.Single(p => p.Party == party);
                        if (peer.Acknowledged != own || peer.LastError is not null)
                        {
                            lagging.Add(IngestHarness.Invariant($"{party} acknowledged {peer.Acknowledged} of {holder}'s {own}{(peer.LastError is { } error ? $" ({error})" : "")}"));
                        }
                    }

                    if (!at.Alarms.Any(a => a.Log == Liar))
                    {
                        lagging.Add($"{holder}: no alarm about {Liar}");
                    }
                }

                if (lagging.Count == 0 || _clock.Elapsed > deadline)
                {
                    return (lagging, network);
                }

                await Task.Delay(500);
            }
        }

        /// <summary><c>verity log verify</c> on every file of every node (own logs and mirrors): the files that fail.</summary>
        private async Task<(int Files, List<string> Failed)> VerifyFilesAsync()
        {
            var failed = new List<string>();
            var files = 0;
            foreach (var holder in Parties)
            {
                foreach (var log in Parties)
                {
                    var file = LogStores.FileOf(_files[holder], log);
                    files++;
                    var start = SoakNode.Command(options.Verity, ["log", "verify", "--log", file, "--vkey", VerifierFile(log)]);
                    start.RedirectStandardOutput = true;
                    start.RedirectStandardError = true;
                    using var process = Process.Start(start)!;
                    var output = process.StandardOutput.ReadToEndAsync();
                    var error = process.StandardError.ReadToEndAsync();
                    await process.WaitForExitAsync();
                    if (process.ExitCode != 0)
                    {
                        failed.Add(IngestHarness.Invariant($"{Path.GetFileName(file)}: exit {process.ExitCode}: {(await output).Trim()} {(await error).Trim()}"));
                    }
                }
            }

            return (files, failed);
        }

        /// <summary>Acknowledged statements missing from their party's own log or from an honest node's mirror of it (the
        /// liar's only up to the fork): each counted once, with where it is missing.</summary>
        private async Task<List<string>> LostAsync(long forkedAt)
        {
            var lost = new List<string>();
            foreach (var party in Parties)
            {
                string[] holders = [party, .. Honest.Where(h => h != party)];
                var leaves = new Dictionary<string, Dictionary<long, string>>();
                foreach (var holder in holders)
                {
                    using var store = SqliteLogStore.Open(LogStores.FileOf(_files[holder], party));
                    var size = await store.GetSizeAsync();
                    var held = new Dictionary<long, string>();
                    for (long at = 0; at < size; at += 10_000)
                    {
                        foreach (var entry in await store.ReadEntriesAsync(at, (int)Math.Min(10_000, size - at)))
                        {
                            held[entry.Index] = entry.LeafHash.ToBase64();
                        }
                    }

                    leaves[holder] = held;
                }

                foreach (var statement in _acknowledged[party].OrderBy(s => s.Index))
                {
                    var missing = holders
                        .Where(h => h == party || party != Liar || statement.Index < forkedAt)
                        .Where(h => !leaves[h].TryGetValue(statement.Index, out var leaf) || leaf != statement.LeafHash)
                        .ToList();
                    if (missing.Count > 0)
                    {
                        lost.Add(IngestHarness.Invariant($"{party} statement {statement.Index}: missing at {string.Join(", ", missing)}"));
                    }
                }
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return lost;
        }

        private int Report(SplitView split, List<string> lagging, TimeSpan settled, Dictionary<string, NetworkResult> network, (int Files, List<string> Failed) verified, List<string> lost)
        {
            var acknowledged = _acknowledged.Values.Sum(b => b.Count);
            Console.WriteLine();
            Console.WriteLine("| Figure | Value |");
            Console.WriteLine("| --- | --- |");
            Console.WriteLine(IngestHarness.Invariant($"| Run | {_clock.Elapsed.TotalSeconds:N0} s: {options.Duration.TotalSeconds:N0} s under load and chaos, then {settled.TotalSeconds:N1} s for the honest nodes to agree |"));
            Console.WriteLine(IngestHarness.Invariant($"| Kills (SIGKILL, then restart on the same files and port) | {_kills.Values.Sum()}: {string.Join(", ", Parties.Select(p => $"{p} {_kills[p]}"))} |"));
            Console.WriteLine(IngestHarness.Invariant($"| Acknowledged statements (201) | {acknowledged:N0}: {string.Join(", ", Parties.Select(p => $"{p} {_acknowledged[p].Count:N0}"))} |"));
            Console.WriteLine(IngestHarness.Invariant($"| Submissions refused or unanswered (node down) | {_refused.Values.Sum():N0} |"));
            Console.WriteLine(IngestHarness.Invariant($"| Lost statements (acknowledged, missing from the party's log or an honest mirror) | {lost.Count:N0} |"));
            Console.WriteLine(IngestHarness.Invariant($"| Split view | {Liar}'s log forked at {split.At:N0}, at {split.When.TotalSeconds:N0} s; refused at once (422, the other history already relayed) by {(split.Caught.Count > 0 ? string.Join(", ", split.Caught) : "none")}{(split.Problems.Count > 0 ? $"; {split.Problems.Count} pushes failed otherwise" : "")} |"));
            var alarmed = Honest.Where(h => network.TryGetValue(h, out var n) && n.Alarms.Any(a => a.Log == Liar)).ToList();
            Console.WriteLine(IngestHarness.Invariant($"| Honest nodes with the alarm about {Liar} | {alarmed.Count} of {Honest.Length}: {string.Join(", ", Parties.Select(p => $"{p} {(network.TryGetValue(p, out var n) ? n.Alarms.Count : 0)}"))} alarms |"));
            Console.WriteLine(IngestHarness.Invariant($"| verity log verify | {verified.Files - verified.Failed.Count} of {verified.Files} files pass |"));
            Console.WriteLine();
            Console.WriteLine($"Final sizes (rows: the node; columns: the log; own log in bold):");
            Console.WriteLine();
            Console.WriteLine($"| Node | {string.Join(" | ", Parties)} |");
            Console.WriteLine($"| --- |{string.Concat(Enumerable.Repeat(" ---: |", Parties.Length))}");
            foreach (var holder in Parties)
            {
                var cells = Parties.Select(log => !network.TryGetValue(holder, out var n) ? "?"
                    : log == holder ? IngestHarness.Invariant($"**{SizeOf(n.Checkpoint):N0}**")
                    : IngestHarness.Invariant($"{n.Mirrors.Single(m => m.Party == log).Size:N0}"));
                Console.WriteLine($"| {holder} | {string.Join(" | ", cells)} |");
            }

            var failures = lost.Take(10).Concat(lagging).Concat(verified.Failed).Concat(split.Problems).ToList();
            Console.WriteLine();
            foreach (var failure in failures)
            {
                Console.WriteLine($"FAIL: {failure}");
            }

            Console.WriteLine(failures.Count == 0 ? "Every check passed." : IngestHarness.Invariant($"{lost.Count + lagging.Count + verified.Failed.Count + split.Problems.Count} checks failed."));
            return failures.Count == 0 ? 0 : 1;
        }
    }
}
