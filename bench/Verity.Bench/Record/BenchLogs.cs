using System.Text;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Sqlite;
using Verity.Record.Statements;

namespace Verity.Bench.Record;

/// <summary>Logs the record benchmarks share, built once and cached under the temp folder across benchmark processes.</summary>
internal static class BenchLogs
{
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "verity-bench");

    public static SigningKey Key() => SigningKey.FromSeed("US", KeyAlgorithm.Ed25519, Enumerable.Repeat((byte)7, 32).ToArray());

    /// <summary>A statement body of about 150 bytes, like a one-item declaration.</summary>
    public static byte[] Body(long i) =>
        Encoding.UTF8.GetBytes($"item ICBM-{i:D8},RS-24,deployed,Teykovo,launcher {i % 9973},warheads {1 + (i % 4)},declared 2026-02-05 under Article III paragraph 2");

    public static Statement StatementAt(long sequence) =>
        Statement.Create("declaration", "US", sequence, new DateTimeOffset(2026, 2, 5, 0, 0, 0, TimeSpan.Zero).AddSeconds(sequence), Body(sequence));

    /// <summary>A SQLite log of <paramref name="count"/> signed statements (signed on all cores, appended in batches).</summary>
    public static async Task<string> SignedAsync(int count)
    {
        var path = Path.Combine(Folder, $"signed-{count}.db");
        var done = path + ".done";
        if (File.Exists(done))
        {
            return path;
        }

        Directory.CreateDirectory(Folder);
        File.Delete(path);
        using var key = Key();
        using (var store = SqliteLogStore.Open(path, create: true))
        {
            var log = await StatementLog.OpenAsync(store).ConfigureAwait(false);
            const int Batch = 50_000;
            for (var start = 0; start < count; start += Batch)
            {
                var n = Math.Min(Batch, count - start);
                var signed = new SignedStatement[n];
                Parallel.For(0, n, i => signed[i] = SignedStatement.Sign(StatementAt(start + i + 1), key));
                await log.AppendAsync(signed).ConfigureAwait(false);
            }
        }

        await File.WriteAllTextAsync(done, "").ConfigureAwait(false);
        return path;
    }

    /// <summary>A SQLite log of <paramref name="count"/> 8-byte entries, built by the bulk path: big batches of
    /// unsigned entries through the same <see cref="MerkleLog"/> and store.</summary>
    public static async Task<string> BulkAsync(long count)
    {
        var path = Path.Combine(Folder, $"bulk-{count}.db");
        var done = path + ".done";
        if (File.Exists(done))
        {
            return path;
        }

        Directory.CreateDirectory(Folder);
        File.Delete(path);
        using (var store = SqliteLogStore.Open(path, create: true))
        {
            var log = await MerkleLog.OpenAsync(store).ConfigureAwait(false);
            const int Batch = 500_000;
            for (long start = 0; start < count; start += Batch)
            {
                var n = (int)Math.Min(Batch, count - start);
                var entries = new ReadOnlyMemory<byte>[n];
                for (var i = 0; i < n; i++)
                {
                    entries[i] = BitConverter.GetBytes(start + i);
                }

                await log.AppendAsync(entries).ConfigureAwait(false);
            }
        }

        await File.WriteAllTextAsync(done, "").ConfigureAwait(false);
        return path;
    }
}
