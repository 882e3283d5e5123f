using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NodaTime;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Analysis.Replay;
using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Records;
using Verity.Core.Treaties;
using Verity.Node;
using Verity.Record.Keys;

namespace Verity.Cli.Commands;

/// <summary>The demo's network: a node per party on loopback, each party's record submitted to its own node as signed
/// statements, replicated to every other node, and every log and compliance figure compared across the nodes.</summary>
internal sealed partial class NetworkDemo : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<(string Party, WebApplication App, Uri Url)> _nodes = [];
    private readonly string _directory;
    private readonly string _token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private NetworkDemo(string directory) => _directory = directory;

    /// <summary>The nodes' dashboards.</summary>
    public IEnumerable<(string Party, Uri Url)> Dashboards => _nodes.Select(n => (n.Party, n.Url));

    /// <summary>Starts a node for each party of the replayed treaty, on temporary SQLite files, each a peer of every other.</summary>
    public static async Task<NetworkDemo> StartAsync(CliContext context, Treaty treaty, Verity.Reports.Dashboard.DashboardProvenance provenance)
    {
        var demo = new NetworkDemo(Path.Combine(Path.GetTempPath(), "verity-demo-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(demo._directory);
        var parties = treaty.Parties.Select(p => p.Code.Value).ToList();
        var ports = parties.ToDictionary(p => p, _ => FreePort());
        using var random = RandomNumberGenerator.Create();
        foreach (var party in parties)
        {
            using var key = SigningKey.Generate(party, KeyAlgorithm.Ed25519, random);
            System.IO.File.WriteAllText(demo.File(party + ".key"), key + "\n");
            System.IO.File.WriteAllText(demo.File(party + ".vkey"), key.Verifier + "\n");
        }

        var treatyFile = Path.Combine(context.DataDirectory, "treaties", treaty.Id + ".yaml");
        foreach (var party in parties)
        {
            var url = new Uri($"http://127.0.0.1:{ports[party]}/");
            var options = new NodeOptions(party, treatyFile, demo.File(party + ".key"), demo.File(party.ToLowerInvariant() + ".db"), demo._token)
            {
                Peers = [.. parties.Where(p => p != party).Select(p => new PeerOption(p, new Uri($"http://127.0.0.1:{ports[p]}/"), demo.File(p + ".vkey")))],
                SyncInterval = TimeSpan.FromSeconds(0.5),
                Provenance = provenance,
            };
            var app = NodeHost.Build(["--Logging:LogLevel:Default=Warning"], options);
            app.Urls.Add(url.ToString().TrimEnd('/'));
            await app.StartAsync().ConfigureAwait(false);
            demo._nodes.Add((party, app, url));
        }

        return demo;
    }

    /// <summary>How many statements the operator submits in one request.</summary>
    private const int BatchSize = 1_000;

    /// <summary>Submits each party's databases and notifications, in the order they were due, to its own node as its
    /// operator would, a thousand to a request; the nodes replicate them as they come.</summary>
    public async Task ReplayAsync(CliContext context, ReplayResult result, NotificationRecord record, ExchangeDefinition definition, LocalDate end)
    {
        var treaty = result.Treaty;
        var tasks = _nodes.Select(async node =>
        {
            var party = PartyCode.Parse(node.Party);
            var databases = definition.ScheduleFrom(treaty.Dates.EntryIntoForce).Exchanges(end)
                .Where(e => treaty.StandingAt(e.AsOf, party) == TreatyStanding.InForce)
                .Select(e => Database.Build(definition, treaty, record.Ledger, party, e.AsOf))
                .Select(d => (Date: d.AsOf.AtMidnight(), Order: 0, Type: StatementTypes.Declaration, Body: d.ToJsonString()));
            var notifications = record.Provided.Where(n => n.Party == party)
                .Select(n => (Date: n.Sent, Order: 1, Type: StatementTypes.Notification, Body: NotificationWriter.ToJson(n, treaty)));
            var statements = databases.Concat(notifications).OrderBy(s => s.Date).ThenBy(s => s.Order).ToList();
            using var client = Client(node.Url);
            var watch = Stopwatch.StartNew();
            foreach (var batch in statements.Chunk(BatchSize))
            {
                // One request and one durable commit a batch, each statement checked in order as POST /statements checks one.
                var items = batch.Select(s => new { type = s.Type, body = Convert.ToBase64String(Encoding.UTF8.GetBytes(s.Body)) });
                using var response = await client.PostAsJsonAsync("statements/batch", new { statements = items }, Json).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"{node.Party}'s node refused the batch of {batch.Length} statements from {batch[0].Date:yyyy-MM-dd}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
                }
            }

            return (node.Party, Count: statements.Count, Databases: statements.Count(s => s.Order == 0), watch.Elapsed);
        }).ToList();
        foreach (var (party, count, databases, elapsed) in await Task.WhenAll(tasks).ConfigureAwait(false))
        {
            Terminal.Bullet(context, $"{party}'s operator submitted {count:N0} statements ({databases} databases, {count - databases:N0} notifications) to its node in {elapsed.TotalSeconds:F1} s, {(count + BatchSize - 1) / BatchSize} requests of up to {BatchSize:N0}; each one checked, signed and appended to {party}'s log.");
        }
    }

    /// <summary>Waits until every node's mirror of every log holds what its owner holds (at most <paramref name="timeout"/>).</summary>
    public async Task<TimeSpan> ConvergeAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var heads = await HeadsAsync().ConfigureAwait(false);
            if (heads.GroupBy(h => h.Log).All(g => g.Select(h => (h.Size, h.Root)).Distinct().Count() == 1 && g.Count() == _nodes.Count))
            {
                return watch.Elapsed;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"the nodes did not agree on every log within {timeout.TotalSeconds:F0} s");
    }

    /// <summary>Prints, for every log, its size and root at every node, and returns whether they all agree.</summary>
    public async Task<(bool Agree, ImmutableArray<(string Log, long Entries, string Root, ImmutableArray<string> HeldBy)> Logs)> CompareLogsAsync(CliContext context)
    {
        var heads = await HeadsAsync().ConfigureAwait(false);
        var logs = ImmutableArray.CreateBuilder<(string Log, long Entries, string Root, ImmutableArray<string> HeldBy)>();
        var table = Terminal.Table();
        table.AddColumns(Terminal.Fixed("Log"), Terminal.Fixed("Entries", right: true), Terminal.Fixed("Root (base64)"), Terminal.Text("Held identically by"));
        var agree = true;
        foreach (var group in heads.GroupBy(h => h.Log).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var same = group.Select(h => (h.Size, h.Root)).Distinct().Count() == 1;
            agree &= same && group.Count() == _nodes.Count;
            var first = group.First();
            // Roots in the checkpoints' form (base64), cut to their first 12 characters: enough to see that they agree.
            var root = first.Root[..Math.Min(12, first.Root.Length)] + "…";
            var heldBy = same ? string.Join(", ", group.Select(h => h.Node == group.Key ? h.Node + " (own)" : h.Node + " (mirror)")) : "they differ";
            logs.Add((group.Key, first.Size, root, same ? [.. group.Select(h => h.Node)] : []));
            table.AddRow(Markup.Escape(group.Key), first.Size.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(root), same ? Markup.Escape(heldBy) : "[red]they differ[/]");
        }

        Terminal.Write(context, table);
        return (agree, logs.ToImmutable());
    }

    /// <summary>Asks every node for every party's compliance at each of the party's database dates and compares the
    /// answers across nodes and with the replay's own count; returns (figures compared, disagreements).</summary>
    public async Task<(int Figures, int Disagreements)> CompareComplianceAsync(ReplayResult result, ExchangeDefinition definition, LocalDate end)
    {
        var treaty = result.Treaty;
        var (figures, disagreements) = (0, 0);
        foreach (var party in treaty.Parties.Select(p => p.Code))
        {
            var dates = definition.ScheduleFrom(treaty.Dates.EntryIntoForce).Exchanges(end)
                .Where(e => treaty.StandingAt(e.AsOf, party) == TreatyStanding.InForce).Select(e => e.AsOf).ToList();
            foreach (var date in dates)
            {
                // Every node is asked at once: each derives its answer on its own.
                var answers = await Task.WhenAll(_nodes.Select(async node =>
                {
                    using var client = Client(node.Url);
                    var answer = await client.GetFromJsonAsync<JsonElement>($"parties/{party}/compliance?at={date:yyyy-MM-dd}", Json).ConfigureAwait(false);
                    return answer.GetProperty("scopes").EnumerateArray()
                        .SelectMany(s => s.GetProperty("limits").EnumerateArray().Select(l => (Key: s.GetProperty("scope").GetString() + "/" + l.GetProperty("id").GetString(), Value: l.GetProperty("value"))))
                        .ToDictionary(x => x.Key, x => x.Value.ValueKind == JsonValueKind.Number ? x.Value.GetInt64() : (long?)null, StringComparer.Ordinal);
                })).ConfigureAwait(false);

                // The replay's own count from its ledger, for the party's own scope.
                var counted = Core.Compliance.ComplianceEvaluator.Evaluate(treaty, result.Ledger.AsOf(date), date, Interpretation.Agreed, party);
                var own = counted.Scopes.First(s => s.Members.Length == 1 && s.Members[0] == party);
                foreach (var (key, value) in answers[0])
                {
                    figures++;
                    var agreed = answers.All(a => a.GetValueOrDefault(key) == value);
                    var limitId = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
                    var replayed = key.StartsWith(own.Scope + "/", StringComparison.Ordinal) ? own.Limits.FirstOrDefault(l => l.Limit.Id == limitId)?.Value : value;
                    if (!agreed || replayed != value)
                    {
                        disagreements++;
                    }
                }
            }
        }

        return (figures, disagreements);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, app, _) in _nodes)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private async Task<List<(string Node, string Log, long Size, string Root)>> HeadsAsync()
    {
        var heads = new List<(string Node, string Log, long Size, string Root)>();
        foreach (var node in _nodes)
        {
            using var client = Client(node.Url);
            foreach (var log in _nodes.Select(n => n.Party))
            {
                using var response = await client.GetAsync($"logs/{log}/checkpoint").ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                var lines = (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Split('\n');
                heads.Add((node.Party, log, long.Parse(lines[1], CultureInfo.InvariantCulture), lines[2]));
            }
        }

        return heads;
    }

    private HttpClient Client(Uri url)
    {
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token);
        return client;
    }

    private string File(string name) => Path.Combine(_directory, name);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
