using Microsoft.Data.Sqlite;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Sqlite;
using Verity.Record.Storage;

namespace Verity.Record.Tests.Log;

public sealed class LogVerifierTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verity-verify-").FullName;

    [Theory]
    [InlineData(7)] // chunks not aligned to groups of 16: the sequential path
    [InlineData(64)] // aligned chunks: groups hashed in parallel
    [InlineData(8192)]
    public async Task VerifyAsync_AnyChunkSize_SameRootAsTheLog(int chunkSize)
    {
        using var store = new MemoryLogStore();
        var log = await MerkleLog.OpenAsync(store);
        await log.AppendAsync([.. Enumerable.Range(0, 4100).Select(i => (ReadOnlyMemory<byte>)BitConverter.GetBytes(i))]);

        var result = await LogVerifier.VerifyAsync(store, [], LogVerifierOptions.HashesOnly with { ChunkSize = chunkSize });

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(await log.RootAsync(), result.Root);
    }

    [Fact]
    public async Task VerifyAsync_HonestLog_ValidWithRootOfTheLog()
    {
        using var key = Fixtures.Key("US");
        using var store = new MemoryLogStore();
        var log = await StatementLog.OpenAsync(store);
        await log.AppendAsync([.. Enumerable.Range(1, 300).Select(i => Fixtures.Statement(key, i))]);

        var result = await LogVerifier.VerifyAsync(store, [key.Verifier], LogVerifierOptions.Full with { ChunkSize = 64 });

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(await log.Log.RootAsync(), result.Root);
        Assert.Equal(300, result.TreeSize);
    }

    [Fact]
    public async Task VerifyAsync_WrongKey_NamesFirstEntry()
    {
        using var key = Fixtures.Key("US", 1);
        using var other = Fixtures.Key("US", 2);
        using var store = new MemoryLogStore();
        await (await StatementLog.OpenAsync(store)).AppendAsync([Fixtures.Statement(key, 1)]);

        var result = await LogVerifier.VerifyAsync(store, [other.Verifier]);

        Assert.False(result.IsValid);
        Assert.Equal(0, result.FirstBadIndex);
        Assert.StartsWith("entry 0: signed by unknown key US+", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ForgedSignature_NamesEntry()
    {
        using var key = Fixtures.Key("US");
        using var store = new MemoryLogStore();
        var log = await MerkleLog.OpenAsync(store);
        var good = Fixtures.Statement(key, 1).Bytes.ToArray();
        var forged = Fixtures.Statement(key, 2).Bytes.ToArray();
        forged[forged.Length - 10] ^= 0x04; // inside the base64 signature: still parses, no longer verifies
        await log.AppendAsync([good, forged]);

        var result = await LogVerifier.VerifyAsync(store, [key.Verifier]);

        Assert.False(result.IsValid);
        Assert.Equal(1, result.FirstBadIndex);
        Assert.Contains("entry 1:", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_RepeatedSequence_NamesEntry()
    {
        using var key = Fixtures.Key("US");
        using var store = new MemoryLogStore();
        var log = await MerkleLog.OpenAsync(store);
        await log.AppendAsync([Fixtures.Statement(key, 1).Bytes, Fixtures.Statement(key, 1, "again").Bytes]);

        var result = await LogVerifier.VerifyAsync(store, [key.Verifier]);

        Assert.Equal("entry 1: party US sequence 1 is not after 1", result.Message);
    }

    /// <summary>Any single-byte change to any stored entry (statement or signature), leaf hash or subtree hash in the
    /// SQLite file is caught: by the verifier, or by SQLite refusing the damaged file. 120 seeded trials.</summary>
    [Fact]
    public async Task VerifyAsync_AnySingleByteChangeInSqliteFile_IsCaught()
    {
        using var key = Fixtures.Key("US");
        var path = Path.Combine(_directory, "log.db");
        var statements = Enumerable.Range(1, 40).Select(i => Fixtures.Statement(key, i)).ToList();
        using (var store = SqliteLogStore.Open(path, create: true))
        {
            var log = await StatementLog.OpenAsync(store);
            await log.AppendAsync(statements[..17]);
            await log.AppendAsync(statements[17..]);
        }

        SqliteConnection.ClearAllPools();
        var file = await File.ReadAllBytesAsync(path);
        var targets = new List<(string What, int Offset, int Length)>();
        using (var store = SqliteLogStore.Open(path))
        {
            foreach (var entry in await store.ReadEntriesAsync(0, 100))
            {
                targets.Add(($"entry {entry.Index}", Find(file, entry.Data.ToArray()), entry.Data.Length));
                targets.Add(($"leaf hash {entry.Index}", Find(file, entry.LeafHash.ToArray()), 32));
            }

            var level4 = await store.ReadHashesAsync(4, 0, 10);
            targets.AddRange(level4.Select((h, i) => ($"level-4 hash {i}", Find(file, h.ToArray()), 32)));
        }

        Assert.Equal(40 + 40 + 2, targets.Count);
        var random = new Random(20190401);
        for (var trial = 0; trial < 120; trial++)
        {
            var (what, offset, length) = targets[random.Next(targets.Count)];
            var at = offset + random.Next(length);
            var copy = (byte[])file.Clone();
            copy[at] ^= (byte)random.Next(1, 256);
            var damaged = Path.Combine(_directory, $"damaged-{trial}.db");
            await File.WriteAllBytesAsync(damaged, copy);

            var caught = await VerifyFileAsync(damaged, key.Verifier);

            Assert.True(caught, $"trial {trial}: a change at byte {at} ({what}) went unnoticed");
            File.Delete(damaged);
        }
    }

    [Fact]
    public async Task VerifyAsync_TruncatedSqliteFile_IsCaught()
    {
        using var key = Fixtures.Key("US");
        var path = Path.Combine(_directory, "truncated.db");
        using (var store = SqliteLogStore.Open(path, create: true))
        {
            await (await StatementLog.OpenAsync(store)).AppendAsync([.. Enumerable.Range(1, 200).Select(i => Fixtures.Statement(key, i))]);
        }

        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        Assert.True(await VerifyFileAsync(path, key.Verifier));
    }

    [Fact]
    public async Task VerifyAsync_StoredSubtreeHashReplaced_NamesTheEntries()
    {
        using var key = Fixtures.Key("US");
        var path = Path.Combine(_directory, "hash.db");
        using (var store = SqliteLogStore.Open(path, create: true))
        {
            await (await StatementLog.OpenAsync(store)).AppendAsync([.. Enumerable.Range(1, 40).Select(i => Fixtures.Statement(key, i))]);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE hashes SET hash = zeroblob(32) WHERE level = 4 AND idx = 1";
            command.ExecuteNonQuery();
        }

        using var reopened = SqliteLogStore.Open(path);
        var result = await LogVerifier.VerifyAsync(reopened, [key.Verifier]);

        Assert.False(result.IsValid);
        Assert.Contains("subtree hash of entries 16..31", result.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<bool> VerifyFileAsync(string path, Verity.Record.Keys.VerifierKey key)
    {
        try
        {
            using var store = SqliteLogStore.Open(path);
            var result = await LogVerifier.VerifyAsync(store, [key]);
            return !result.IsValid;
        }
        catch (LogStoreException)
        {
            return true;
        }
    }

    private static int Find(byte[] haystack, byte[] needle)
    {
        var at = haystack.AsSpan().IndexOf(needle);
        Assert.True(at >= 0, "stored bytes not found in the file");
        Assert.True(haystack.AsSpan(at + 1).IndexOf(needle) < 0, "stored bytes found twice in the file");
        return at;
    }
}
