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

    [Fact]
    public async Task ReadNoteAsync_NeverWritten_IsNull()
    {
        using var store = fixture.Create();

        Assert.Null(await store.ReadNoteAsync("latest-checkpoint"));
    }

    [Fact]
    public async Task WriteNoteAsync_ThenRead_ReturnsTheText()
    {
        using var store = fixture.Create();

        await store.WriteNoteAsync("latest-checkpoint", NoteA);

        Assert.Equal(NoteA, await store.ReadNoteAsync("latest-checkpoint"));
        Assert.Null(await store.ReadNoteAsync("other"));
    }

    [Fact]
    public async Task WriteNoteAsync_SameName_ReplacesTheNote()
    {
        using var store = fixture.Create();
        await store.WriteNoteAsync("latest-checkpoint", NoteA);
        await store.WriteNoteAsync("other", "kept\n");

        await store.WriteNoteAsync("latest-checkpoint", NoteB);

        Assert.Equal(NoteB, await store.ReadNoteAsync("latest-checkpoint"));
        Assert.Equal("kept\n", await store.ReadNoteAsync("other"));
    }

    [Fact]
    public async Task WriteNoteAsync_AfterReopen_ReadsBack()
    {
        var store = fixture.Create();
        await store.WriteNoteAsync("latest-checkpoint", NoteA);
        await store.WriteNoteAsync("latest-checkpoint", NoteB);

        store = fixture.Reopen(store);
        try
        {
            Assert.Equal(NoteB, await store.ReadNoteAsync("latest-checkpoint"));
        }
        finally
        {
            store.Dispose();
        }
    }

    [Fact]
    public async Task WriteNoteAsync_LogWithEntries_ChangesNeitherSizeNorRoot()
    {
        using var key = Fixtures.Key("US");
        var store = fixture.Create();
        var log = await StatementLog.OpenAsync(store);
        await log.AppendAsync([.. Enumerable.Range(1, 20).Select(i => Fixtures.Statement(key, i))]);
        var root = await log.Log.RootAsync();

        await store.WriteNoteAsync("latest-checkpoint", NoteA);

        store = fixture.Reopen(store);
        try
        {
            var reopened = await MerkleLog.OpenAsync(store);
            Assert.Equal(20, await store.GetSizeAsync());
            Assert.Equal(20, reopened.Size);
            Assert.Equal(root, await reopened.RootAsync());
            Assert.Equal(20, (await store.ReadEntriesAsync(0, 100)).Count);
            Assert.True((await LogVerifier.VerifyAsync(store, [key.Verifier])).IsValid);
        }
        finally
        {
            store.Dispose();
        }
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData("Latest")] // capitals
    [InlineData("latest checkpoint")] // a space
    [InlineData("-latest")] // must start with a letter or digit
    public async Task WriteNoteAsync_BadName_ThrowsNamingIt(string name)
    {
        using var store = fixture.Create();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteNoteAsync(name, NoteA));

        Assert.Contains($"'{name}' is not a note name", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadNoteAsync(name));
    }

    [Fact]
    public async Task WriteNoteAsync_TooLong_ThrowsAndKeepsTheOldNote()
    {
        using var store = fixture.Create();
        await store.WriteNoteAsync("latest-checkpoint", NoteA);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteNoteAsync("latest-checkpoint", new string('x', LogNotes.MaxLength + 1)));

        Assert.Contains($"is {LogNotes.MaxLength + 1} characters, more than the {LogNotes.MaxLength}", error.Message, StringComparison.Ordinal);
        Assert.Equal(NoteA, await store.ReadNoteAsync("latest-checkpoint"));
    }

    // Notes as a mirror keeps them: a party's signed checkpoint (the store does not parse them).
    private const string NoteA = "verity.local/us\n2\nq6xGZcTnkuAcvjE2KN3JXTXDh0Gxw36dJa3I/b6Jv0M=\n\n\u2014 US 8qRV5wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n";
    private const string NoteB = "verity.local/us\n2\nyR1h0WEm8Py2QRZXTTGQn7mZBwTbAX9uY4M/dWFQ5lc=\n\n\u2014 US 8qRV5wBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB==\n";
}
