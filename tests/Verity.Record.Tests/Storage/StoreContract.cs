using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Storage;

namespace Verity.Record.Tests.Storage;

/// <summary>What every <see cref="ILogStore"/> driver must do; closed once per driver (<c>StoreContractTests.cs</c>, and
/// <c>PostgresStoreTests</c> in Verity.Record.Postgres.Tests, which links this file).</summary>
public abstract class StoreContract<T>(T fixture) : IClassFixture<T> where T : class, IStoreFixture
{
    [Fact]
    public async Task GetSizeAsync_NewStore_IsZero()
    {
        using var store = fixture.Create();

        Assert.Equal(0, await store.GetSizeAsync());
        Assert.Empty(await store.ReadEntriesAsync(0, 10));
    }

    [Fact]
    public async Task AppendAsync_StatementBatches_ReadBackExactlyAfterReopen()
    {
        using var key = Fixtures.Key("US");
        var store = fixture.Create();
        var log = await StatementLog.OpenAsync(store);
        var statements = Enumerable.Range(1, 40).Select(i => Fixtures.Statement(key, i)).ToList();
        await log.AppendAsync(statements[..25]);
        await log.AppendAsync(statements[25..]);

        store = fixture.Reopen(store);
        try
        {
            var entries = await store.ReadEntriesAsync(0, 100);
            Assert.Equal(40, await store.GetSizeAsync());
            Assert.Equal(40, entries.Count);
            for (var i = 0; i < 40; i++)
            {
                Assert.Equal(i, entries[i].Index);
                Assert.Equal(statements[i].Bytes.ToArray(), entries[i].Data.ToArray());
                Assert.Equal(statements[i].LeafHash, entries[i].LeafHash);
            }

            Assert.Equal(2, (await store.ReadHashesAsync(4, 0, 10)).Count);
            Assert.Equal(40, await store.ReadSequenceAsync("US"));
            Assert.Equal(0, await store.ReadSequenceAsync("RU"));
            Assert.True((await LogVerifier.VerifyAsync(store, [key.Verifier])).IsValid);
        }
        finally
        {
            store.Dispose();
        }
    }

    [Fact]
    public async Task AppendAsync_WrongStartIndex_ThrowsAndChangesNothing()
    {
        using var store = fixture.Create();
        var log = await MerkleLog.OpenAsync(store);
        await log.AppendAsync([new byte[] { 1 }]);

        var stale = new LogAppend(0, [new StoredEntry(0, new byte[] { 2 }, Rfc9162.HashLeaf([2]))], [], []);

        var error = await Assert.ThrowsAsync<LogStoreException>(() => store.AppendAsync(stale));
        Assert.Contains("append at index 0 but the log has 1 entries", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await store.GetSizeAsync());
        Assert.Equal([1], (await store.ReadEntriesAsync(0, 5))[0].Data.ToArray());
    }

    [Fact]
    public async Task AppendAsync_EmptyEntry_ReadsBackEmpty()
    {
        using var store = fixture.Create();
        var log = await MerkleLog.OpenAsync(store);

        await log.AppendAsync([Array.Empty<byte>(), new byte[] { 0 }]);

        var entries = await store.ReadEntriesAsync(0, 2);
        Assert.Empty(entries[0].Data.ToArray());
        Assert.Equal(Rfc9162.HashLeaf([]), entries[0].LeafHash);
        Assert.True((await LogVerifier.VerifyAsync(store, [], LogVerifierOptions.HashesOnly)).IsValid);
    }

    [Fact]
    public async Task ReadHashesAsync_PastEnd_ReturnsFewer()
    {
        using var store = fixture.Create();
        var log = await MerkleLog.OpenAsync(store);
        await log.AppendAsync([.. Enumerable.Range(0, 20).Select(i => (ReadOnlyMemory<byte>)BitConverter.GetBytes(i))]);

        Assert.Equal(5, (await store.ReadHashesAsync(0, 15, 10)).Count);
        Assert.Single(await store.ReadHashesAsync(4, 0, 10));
        Assert.Empty(await store.ReadHashesAsync(8, 0, 10));
        Assert.Equal(2, (await store.ReadEntriesAsync(18, 10)).Count);
    }

    [Fact]
    public async Task ProofsAsync_AfterReopen_VerifyAgainstRecomputedRoots()
    {
        var store = fixture.Create();
        var log = await MerkleLog.OpenAsync(store);
        var leaves = Enumerable.Range(0, 300).Select(i => BitConverter.GetBytes(i * 31)).ToArray();
        for (var i = 0; i < 300; i += 37)
        {
            await log.AppendAsync([.. leaves.Skip(i).Take(37).Select(l => (ReadOnlyMemory<byte>)l)]);
        }

        store = fixture.Reopen(store);
        try
        {
            log = await MerkleLog.OpenAsync(store);
            var root = await log.RootAsync();
            Assert.Equal(new MemoryTree(leaves.Select(l => Rfc9162.HashLeaf(l))).Root, root);
            foreach (var index in new[] { 0, 15, 16, 255, 256, 299 })
            {
                var proof = await log.InclusionProofAsync(index);
                Assert.True(proof.Verify(Rfc9162.HashLeaf(leaves[index]), root).IsValid);
            }

            foreach (var first in new[] { 1, 16, 17, 256, 299 })
            {
                var proof = await log.ConsistencyProofAsync(first);
                Assert.True(proof.Verify(await log.RootAsync(first), root).IsValid);
            }
        }
        finally
        {
            store.Dispose();
        }
    }

    [Fact]
    public async Task AppendAsync_SequenceNotIncreasing_RejectedAndNothingStored()
    {
        using var key = Fixtures.Key("US");
        using var store = fixture.Create();
        var log = await StatementLog.OpenAsync(store);
        await log.AppendAsync([Fixtures.Statement(key, 1), Fixtures.Statement(key, 2)]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync([Fixtures.Statement(key, 3), Fixtures.Statement(key, 2)]));

        Assert.Contains("party US sequence 2 is not after 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await store.GetSizeAsync());
        Assert.Equal(3, await log.NextSequenceAsync("US"));
    }
}
