using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Sqlite;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Bench.Record;

/// <summary>Verifying a 1,000,000-entry log of signed statements. Hashing: the verifier (leaf hashes, stored subtree
/// hashes, root) over entries in memory and from the SQLite file, against raw SHA-256 over the same entry bytes
/// (target: ratio at most 1.25, i.e. at least 0.8x the throughput). Signatures: the full verification from the SQLite
/// file against raw Ed25519 verification of the same statements on one core.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class VerifyBenchmarks : IDisposable
{
    private const int Size = 1_000_000;

    private byte[][] _entries = null!;
    private SignedStatement[] _statements = null!;
    private SqliteLogStore _sqlite = null!;
    private MemoryLogStore _memory = null!;
    private VerifierKey _verifier = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var path = await BenchLogs.SignedAsync(Size);
        _sqlite = SqliteLogStore.Open(path);
        using var key = BenchLogs.Key();
        _verifier = key.Verifier;
        var stored = new List<StoredEntry>(Size);
        for (var start = 0; start < Size; start += 100_000)
        {
            stored.AddRange(await _sqlite.ReadEntriesAsync(start, 100_000));
        }

        _entries = [.. stored.Select(e => e.Data.ToArray())];
        _statements = [.. _entries.Select(e => SignedStatement.TryParse(e, out var s, out _) ? s : throw new InvalidOperationException("bad entry"))];
        _memory = new MemoryLogStore();
        var log = await MerkleLog.OpenAsync(_memory);
        var parties = new[] { new PartySequence("US", Size) };
        await log.AppendAsync([.. _entries.Select(e => (ReadOnlyMemory<byte>)e)], parties);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _sqlite?.Dispose();
        _memory?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "raw SHA-256 of the entries")]
    [BenchmarkCategory("hashing")]
    public int RawSha256()
    {
        Span<byte> digest = stackalloc byte[32];
        var total = 0;
        foreach (var entry in _entries)
        {
            SHA256.HashData(entry, digest);
            total += digest[0];
        }

        return total;
    }

    [Benchmark(Description = "verify hashes, entries in memory")]
    [BenchmarkCategory("hashing")]
    public async Task<bool> VerifyHashesInMemory() =>
        (await LogVerifier.VerifyAsync(_memory, [], LogVerifierOptions.HashesOnly)).IsValid ? true : throw new InvalidOperationException("log does not verify");

    [Benchmark(Description = "verify hashes, from SQLite")]
    [BenchmarkCategory("hashing")]
    public async Task<bool> VerifyHashesSqlite() =>
        (await LogVerifier.VerifyAsync(_sqlite, [], LogVerifierOptions.HashesOnly)).IsValid ? true : throw new InvalidOperationException("log does not verify");

    [Benchmark(Description = "read the entries from SQLite, no hashing")]
    [BenchmarkCategory("hashing")]
    public async Task<long> ReadSqlite()
    {
        long total = 0;
        for (var start = 0; start < Size; start += 8192)
        {
            total += (await _sqlite.ReadEntriesAsync(start, 8192)).Count;
        }

        return total;
    }

    [Benchmark(Baseline = true, Description = "raw Ed25519 verify, one core")]
    [BenchmarkCategory("signatures")]
    public int RawVerify()
    {
        var total = 0;
        foreach (var statement in _statements)
        {
            total += _verifier.Verify(statement.SignedBytes.Span, statement.Signature.Signature.AsSpan()) ? 1 : 0;
        }

        return total;
    }

    [Benchmark(Description = "full verify from SQLite (all cores)")]
    [BenchmarkCategory("signatures")]
    public async Task<bool> VerifyFullSqlite() =>
        (await LogVerifier.VerifyAsync(_sqlite, [_verifier])).IsValid ? true : throw new InvalidOperationException("log does not verify");
}
