extern alias node;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using node::Verity.Node;
using node::Verity.Node.Peers;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Notes;
using Verity.Record.Sqlite;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Bench.Node;

/// <summary>Sustained ingest of a peer's signed statements over HTTP on loopback, beside the trust layer's raw durable
/// append of the same statements in the same batches, measured in one run.</summary>
/// <remarks>A harness rather than a BenchmarkDotNet class: it reports throughput and the latency distribution of
/// individual pushes, which BenchmarkDotNet does not. Run:
/// <c>dotnet run -c Release --project bench/Verity.Bench -- ingest [--statements N] [--batch B]</c>.</remarks>
public static class IngestHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var statements = Option(args, "--statements", 50_000);
        var batch = Option(args, "--batch", 100);
        var directory = Path.Combine(Path.GetTempPath(), "verity-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var random = RandomNumberGenerator.Create();
            using var us = SigningKey.Generate("US", KeyAlgorithm.Ed25519, random);
            using var ru = SigningKey.Generate("RU", KeyAlgorithm.Ed25519, random);
            Console.WriteLine($"Preparing {statements:N0} signed statements of US (~300-byte bodies) in batches of {batch}…");
            var (signed, checkpoints) = await PrepareAsync(us, statements, batch);

            // Baseline: the trust layer's durable append of the same statements, same batches, into SQLite.
            var raw = await RawAppendAsync(Path.Combine(directory, "raw.db"), signed, batch);

            // Measured: RU's node mirrors US; US pushes every batch over HTTP, each request signed (RFC 9421).
            var ingest = await IngestAsync(directory, us, ru, signed, checkpoints, batch);

            var rawRate = statements / raw.TotalSeconds;
            var httpRate = (statements - ingest.Untimed) / ingest.Total.TotalSeconds;
            var sorted = ingest.Latencies.Order().ToArray();
            Console.WriteLine();
            Console.WriteLine("| Measure | Value |");
            Console.WriteLine("| --- | --- |");
            Console.WriteLine(Invariant($"| Raw durable append (StatementLog on SQLite, batches of {batch}) | {rawRate:N0} statements/s |"));
            Console.WriteLine(Invariant($"| Ingest from a peer over HTTP (signed pushes of {batch}, verified, stored, receipt signed and checked) | {httpRate:N0} statements/s |"));
            Console.WriteLine(Invariant($"| Ratio ingest / raw append | {httpRate / rawRate:F2}x |"));
            Console.WriteLine(Invariant($"| Push latency p50 / p99 / max | {Percentile(sorted, 0.50):F1} / {Percentile(sorted, 0.99):F1} / {sorted[^1]:F1} ms |"));
            Console.WriteLine(Invariant($"| Pushes | {sorted.Length:N0} |"));
            var met = httpRate >= 5000 && Percentile(sorted, 0.99) < 50;
            Console.WriteLine(met ? "Target (>= 5,000 statements/s, p99 < 50 ms): met" : "Target (>= 5,000 statements/s, p99 < 50 ms): NOT met");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(List<SignedStatement> Signed, List<string> Checkpoints)> PrepareAsync(SigningKey key, int count, int batch)
    {
        using var store = new MemoryLogStore();
        var log = await StatementLog.OpenAsync(store);
        var signed = new List<SignedStatement>(count);
        var checkpoints = new List<string>();
        var start = DateTimeOffset.Parse("2011-02-05T00:00:00Z", CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i += batch)
        {
            var chunk = Enumerable.Range(i, Math.Min(batch, count - i)).Select(n =>
            {
                var body = Encoding.UTF8.GetBytes($"{{\"type\":\"change-in-data\",\"party\":\"US\",\"number\":\"{n + 1}\",\"subject\":\"UID{n % 3000:D6}:moved\",\"triggered\":\"2012-01-01\",\"fields\":{{\"uid\":\"UID{n % 3000:D6}\",\"from\":\"base-{n % 12}\",\"to\":\"base-{(n + 1) % 12}\",\"padding\":\"{new string('x', 120)}\"}}}}");
                return SignedStatement.Sign(Statement.Create("note", "US", n + 1, start.AddMinutes(n), body), key);
            }).ToList();
            await log.AppendAsync(chunk);
            signed.AddRange(chunk);
            checkpoints.Add((await log.Log.CheckpointAsync(NodeOptions.DefaultOrigin("US"))).Sign(key).ToString());
        }

        return (signed, checkpoints);
    }

    private static async Task<TimeSpan> RawAppendAsync(string path, List<SignedStatement> signed, int batch)
    {
        using var store = SqliteLogStore.Open(path, create: true);
        var log = await StatementLog.OpenAsync(store);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < signed.Count; i += batch)
        {
            await log.AppendAsync(signed.GetRange(i, Math.Min(batch, signed.Count - i)));
        }

        return watch.Elapsed;
    }

    private static async Task<(TimeSpan Total, List<double> Latencies, int Untimed)> IngestAsync(string directory, SigningKey us, SigningKey ru, List<SignedStatement> signed, List<string> checkpoints, int batch)
    {
        File.WriteAllText(Path.Combine(directory, "RU.key"), ru + "\n");
        File.WriteAllText(Path.Combine(directory, "US.vkey"), us.Verifier + "\n");
        var treaty = Path.Combine(AppContext.BaseDirectory, "data", "treaties", "new-start.yaml");
        var port = FreePort();
        var options = new NodeOptions("RU", treaty, Path.Combine(directory, "RU.key"), Path.Combine(directory, "ru.db"))
        {
            Peers = [new PeerOption("US", new Uri($"http://127.0.0.1:{FreePort()}/"), Path.Combine(directory, "US.vkey"))],
            SyncInBackground = false,
        };
        var app = NodeHost.Build(["--Logging:LogLevel:Default=Warning"], options);
        app.Urls.Add($"http://127.0.0.1:{port}");
        await app.StartAsync();
        try
        {
            using var client = new HttpClient(PeerClient.Handler(us, TimeProvider.System)) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            // The first pushes warm the JIT and the connection; they are sent but not timed.
            var warmup = Math.Min(10, checkpoints.Count / 10);
            var latencies = new List<double>();
            var total = new Stopwatch();
            for (int i = 0, b = 0; i < signed.Count; i += batch, b++)
            {
                if (b == warmup)
                {
                    total.Start();
                }

                var chunk = signed.GetRange(i, Math.Min(batch, signed.Count - i));
                var push = new PushBatch(i, [.. chunk.Select(s => Convert.ToBase64String(s.Bytes.Span))], checkpoints[b]);
                var one = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("peer/logs/US/entries", push);
                var result = await response.Content.ReadFromJsonAsync<PushResult>();
                if (b >= warmup)
                {
                    latencies.Add(one.Elapsed.TotalMilliseconds);
                }

                if (response.StatusCode != HttpStatusCode.OK || result!.Applied != chunk.Count)
                {
                    throw new InvalidOperationException($"push {b}: HTTP {(int)response.StatusCode}");
                }

                if (!Checkpoint.TryParse(SignedNote.TryParse(checkpoints[b], out var note, out _) ? note.Text : "", out var checkpoint, out _)
                    || !Receipts.Verify(result.Receipt, "RU", checkpoint, ru.Verifier, out var problem))
                {
                    throw new InvalidOperationException($"push {b}: the receipt does not verify");
                }
            }

            return (total.Elapsed, latencies, warmup * batch);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>A positive whole-number option, or <paramref name="fallback"/>.</summary>
    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A loopback port free at the time of asking.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
