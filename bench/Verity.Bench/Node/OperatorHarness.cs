extern alias node;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using node::Verity.Node;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Sqlite;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Bench.Node;

/// <summary>An operator's submissions to its own node over HTTP on loopback — batches through
/// <c>POST /statements/batch</c>, and single statements through <c>POST /statements</c> — beside the trust layer's raw
/// durable append of statements of the same size in the same batches, measured in one run.</summary>
/// <remarks>Every submitted statement is a New START notification of the United States that the node reads back and
/// checks (its number not used yet) before signing it, as the demo's are. Run:
/// <c>dotnet run -c Release --project bench/Verity.Bench -- operator [--statements N] [--batch B] [--singles S] [--rounds R]</c>.</remarks>
public static class OperatorHarness
{
    private const string Token = "bench-operator";

    public static async Task<int> RunAsync(string[] args)
    {
        var statements = IngestHarness.Option(args, "--statements", 20_000);
        var batch = IngestHarness.Option(args, "--batch", 1_000);
        var singles = IngestHarness.Option(args, "--singles", 500);
        var rounds = IngestHarness.Option(args, "--rounds", 3);
        var directory = Path.Combine(Path.GetTempPath(), "verity-operator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var bodies = Enumerable.Range(1, statements + singles).Select(Notice).ToList();
            Console.WriteLine($"{statements:N0} notifications of US (~{bodies[0].Length}-byte bodies) in batches of {batch:N0}, a warm-up then {rounds} rounds of the baseline and the node; then {singles:N0} one at a time…");
            using var random = RandomNumberGenerator.Create();
            using var key = SigningKey.Generate("US", KeyAlgorithm.Ed25519, random);

            // Round by round, each on fresh files: the baseline, the trust layer's durable append of as many statements
            // of those bodies, signed, in the same batches; then US's node, its operator submitting them over HTTP, each
            // read, checked, signed and appended. A durable commit's time varies from run to run on a shared disk, so
            // the ratio is taken of the medians, and each round's is shown.
            // A warm-up round first, not counted: the first requests to a node in a fresh process run code not yet compiled
            // to its final tier.
            var warmUp = bodies.Take(Math.Min(statements, 4 * batch)).ToList();
            await RawAppendAsync(Path.Combine(directory, "raw-0.db"), key, warmUp, batch);
            await SubmitAsync(Path.Combine(directory, "node-0"), key, warmUp, warmUp.Count, batch);
            var rawRates = new List<double>();
            var batchRates = new List<double>();
            var singleRate = 0.0;
            for (var round = 1; round <= rounds; round++)
            {
                var raw = await RawAppendAsync(Path.Combine(directory, $"raw-{round}.db"), key, bodies.Take(statements).ToList(), batch);
                var last = round == rounds;
                var (batched, single) = await SubmitAsync(Path.Combine(directory, $"node-{round}"), key, last ? bodies : bodies.Take(statements).ToList(), statements, batch);
                rawRates.Add(statements / raw.TotalSeconds);
                batchRates.Add(statements / batched.TotalSeconds);
                Console.WriteLine(IngestHarness.Invariant($"  round {round}: raw append {rawRates[^1]:N0}/s, batches {batchRates[^1]:N0}/s, ratio {batchRates[^1] / rawRates[^1]:F2}x"));
                if (last && singles > 0)
                {
                    singleRate = singles / single.TotalSeconds;
                }
            }

            var rawRate = Median(rawRates);
            var batchRate = Median(batchRates);
            Console.WriteLine();
            Console.WriteLine("| Measure | Value |");
            Console.WriteLine("| --- | --- |");
            Console.WriteLine(IngestHarness.Invariant($"| Raw durable append (sign + StatementLog on SQLite, batches of {batch:N0}), median of {rounds} | {rawRate:N0} statements/s |"));
            Console.WriteLine(IngestHarness.Invariant($"| Operator batches over HTTP (POST /statements/batch of {batch:N0}: read, checked, signed, one commit), median of {rounds} | {batchRate:N0} statements/s |"));
            Console.WriteLine(IngestHarness.Invariant($"| Operator one at a time over HTTP (POST /statements, a commit each) | {singleRate:N0} statements/s |"));
            Console.WriteLine(IngestHarness.Invariant($"| Ratio batches / raw append (of the medians) | {batchRate / rawRate:F2}x |"));
            Console.WriteLine(IngestHarness.Invariant($"| Ratio batches / one at a time | {batchRate / singleRate:F1}x |"));
            var met = batchRate >= 5000 && batchRate / rawRate >= 0.5;
            Console.WriteLine(met ? "Target (>= 5,000 statements/s and >= 0.5x the raw append): met" : "Target (>= 5,000 statements/s and >= 0.5x the raw append): NOT met");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // A six-month update of the United States, numbered n: read back and checked by the node, no item to declare first.
    private static string Notice(int n) =>
        $$$"""{"type": "six-month-update", "party": "US", "number": "US-{{{n}}}", "sent": "2011-10-01T12:00", "subject": "2011-09-01", "triggered": "2011-09-01", "fields": {"as_of": "2011-09-01", "database": "sha256:{{{n:D64}}}"}}""";

    private static async Task<TimeSpan> RawAppendAsync(string path, SigningKey key, List<string> bodies, int batch)
    {
        using var store = SqliteLogStore.Open(path, create: true);
        var log = await StatementLog.OpenAsync(store);
        var start = DateTimeOffset.Parse("2011-10-01T12:00:00Z", CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < bodies.Count; i += batch)
        {
            var chunk = Enumerable.Range(i, Math.Min(batch, bodies.Count - i))
                .Select(n => SignedStatement.Sign(Statement.Create("notification", "US", n + 1, start, Encoding.UTF8.GetBytes(bodies[n])), key))
                .ToList();
            await log.AppendAsync(chunk);
        }

        return watch.Elapsed;
    }

    private static async Task<(TimeSpan Batched, TimeSpan Single)> SubmitAsync(string directory, SigningKey key, List<string> bodies, int statements, int batch)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "US.key"), key + "\n");
        var treaty = Path.Combine(AppContext.BaseDirectory, "data", "treaties", "new-start.yaml");
        var port = IngestHarness.FreePort();
        var options = new NodeOptions("US", treaty, Path.Combine(directory, "US.key"), Path.Combine(directory, "us.db"), OperatorToken: Token) { SyncInBackground = false };
        var app = NodeHost.Build(["--Logging:LogLevel:Default=Warning"], options);
        app.Urls.Add($"http://127.0.0.1:{port}");
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            static object Item(string body) => new { type = "notification", body = Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) };
            var batched = Stopwatch.StartNew();
            for (var i = 0; i < statements; i += batch)
            {
                using var response = await client.PostAsJsonAsync("statements/batch", new { statements = bodies.Skip(i).Take(Math.Min(batch, statements - i)).Select(Item) });
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"batch at {i}: HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }

            batched.Stop();
            var single = Stopwatch.StartNew();
            foreach (var body in bodies.Skip(statements))
            {
                using var response = await client.PostAsJsonAsync("statements", Item(body));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"single: HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }

            return (batched.Elapsed, single.Elapsed);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
