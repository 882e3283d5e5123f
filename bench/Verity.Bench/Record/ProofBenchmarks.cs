using BenchmarkDotNet.Attributes;
using Verity.Record.Log;
using Verity.Record.Sqlite;

namespace Verity.Bench.Record;

/// <summary>Inclusion and consistency proofs on a 10,000,000-entry log, read through the SQLite store, against one
/// point read of a stored hash. Target: under 1 ms each.</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ProofBenchmarks
{
    private const long Size = 10_000_000;
    private const int Operations = 64;

    private SqliteLogStore _store = null!;
    private MerkleLog _log = null!;
    private Random _random = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var path = await BenchLogs.BulkAsync(Size);
        _store = SqliteLogStore.Open(path);
        _log = await MerkleLog.OpenAsync(_store);
        _random = new Random(9162);
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations, Description = "one stored hash read")]
    public async Task<int> ReadOneHash()
    {
        var total = 0;
        for (var i = 0; i < Operations; i++)
        {
            total += (await _store.ReadHashesAsync(0, _random.NextInt64(Size), 1)).Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Operations, Description = "inclusion proof, 10M log")]
    public async Task<int> Inclusion()
    {
        var total = 0;
        for (var i = 0; i < Operations; i++)
        {
            total += (await _log.InclusionProofAsync(_random.NextInt64(Size), Size)).Hashes.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Operations, Description = "consistency proof, 10M log")]
    public async Task<int> Consistency()
    {
        var total = 0;
        for (var i = 0; i < Operations; i++)
        {
            total += (await _log.ConsistencyProofAsync(1 + _random.NextInt64(Size - 1), Size)).Hashes.Length;
        }

        return total;
    }
}
