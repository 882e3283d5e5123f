using BenchmarkDotNet.Attributes;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Sqlite;
using Verity.Record.Statements;

namespace Verity.Bench.Record;

/// <summary>Durable signed appends (encode, sign, hash, store, commit with synchronous=FULL in batches of 1,000) against
/// the raw Ed25519 signing of the same statement bytes. Target: ratio at most 2.0 (at least 0.5x the signing rate).</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class AppendBenchmarks
{
    private const int Batch = 1000;

    private SigningKey _key = null!;
    private SqliteLogStore _store = null!;
    private StatementLog _log = null!;
    private byte[][] _encoded = null!;
    private long _next = 1;
    private string _path = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _key = BenchLogs.Key();
        Directory.CreateDirectory(BenchLogs.Folder);
        _path = Path.Combine(BenchLogs.Folder, $"append-{Environment.ProcessId}.db");
        File.Delete(_path);
        _store = SqliteLogStore.Open(_path, create: true);
        _log = await StatementLog.OpenAsync(_store);
        _encoded = [.. Enumerable.Range(1, Batch).Select(i => BenchLogs.StatementAt(i).Encode())];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _key.Dispose();
        File.Delete(_path);
        File.Delete(_path + "-wal");
        File.Delete(_path + "-shm");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "raw Ed25519 sign")]
    public int RawSign()
    {
        var total = 0;
        foreach (var message in _encoded)
        {
            total += _key.Sign(message).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "durable signed append")]
    public async Task<long> DurableAppend()
    {
        var signed = new SignedStatement[Batch];
        for (var i = 0; i < Batch; i++)
        {
            signed[i] = SignedStatement.Sign(BenchLogs.StatementAt(_next++), _key);
        }

        return await _log.AppendAsync(signed);
    }
}
