using Npgsql;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Storage;

namespace Verity.Record.Postgres.Tests.Storage;

/// <summary>What only the PostgreSQL driver has: schemas, a shared server, concurrent writers, a password.</summary>
public sealed class PostgresLogStoreTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task OpenAsync_MissingLogWithoutCreate_ThrowsNamingSchema()
    {
        var error = await Assert.ThrowsAsync<LogStoreException>(() => PostgresLogStore.OpenAsync(fixture.ConnectionString, "absent"));

        Assert.Contains("/absent: no such log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_SchemaWithOtherTables_RefusedAsNotAVerityLog()
    {
        await ExecuteAsync("CREATE SCHEMA other; CREATE TABLE other.accounts(id int)");

        var error = await Assert.ThrowsAsync<LogStoreException>(() => PostgresLogStore.OpenAsync(fixture.ConnectionString, "other", create: true));

        Assert.Contains("not a Verity log (the schema holds 1 tables but no log table)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'other'"));
    }

    [Theory]
    [InlineData("Us")] // uppercase would need quoting everywhere
    [InlineData("1log")]
    [InlineData("log; DROP TABLE x")]
    public async Task OpenAsync_SchemaNotALowercaseIdentifier_ThrowsArgumentException(string schema)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PostgresLogStore.OpenAsync(fixture.ConnectionString, schema, create: true));

        Assert.Contains($"'{schema}' is not a schema name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NoServer_ThrowsLogStoreException()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 2 }.ToString();

        var error = await Assert.ThrowsAsync<LogStoreException>(() => PostgresLogStore.OpenAsync(unreachable, "log", create: true));

        Assert.StartsWith("postgres://127.0.0.1:1/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Location_NamesServerDatabaseAndSchema_NotThePassword()
    {
        var server = new NpgsqlConnectionStringBuilder(fixture.ConnectionString);

        using var store = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "located", create: true);

        Assert.Equal($"postgres://{server.Host}:{server.Port}/{server.Database}/located", store.Location);
    }

    [Fact]
    public async Task AppendAsync_TwoWritersAtOneIndex_OneStoredOtherConflicts()
    {
        using var first = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "contested", create: true);
        using var second = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "contested");

        var results = await Task.WhenAll(
            Attempt(first, new byte[] { 1 }),
            Attempt(second, new byte[] { 2 }));

        Assert.Single(results, error => error is null);
        Assert.Contains("append at index 0 but the log has 1 entries", Assert.Single(results, error => error is not null)!.Message, StringComparison.Ordinal);
        Assert.Equal(1, await first.GetSizeAsync());
        Assert.Single(await second.ReadEntriesAsync(0, 10));
    }

    [Fact]
    public async Task AppendAsync_BatchRepeatsANode_ThrowsAndStoresNothing()
    {
        using var store = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "repeated", create: true);
        var leaves = new[] { Rfc9162.HashLeaf([0]), Rfc9162.HashLeaf([1]) };
        var node = Rfc9162.HashChildren(leaves[0], leaves[1]);
        var batch = new LogAppend(
            0,
            [new StoredEntry(0, new byte[] { 0 }, leaves[0]), new StoredEntry(1, new byte[] { 1 }, leaves[1])],
            [new StoredHash(new NodeId(1, 0), node), new StoredHash(new NodeId(1, 0), node)],
            [new PartySequence("US", 2)]);

        var error = await Assert.ThrowsAsync<LogStoreException>(() => store.AppendAsync(batch));

        Assert.Contains("nothing was stored", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.GetSizeAsync());
        Assert.Empty(await store.ReadEntriesAsync(0, 10));
        Assert.Empty(await store.ReadHashesAsync(1, 0, 10));
        Assert.Equal(0, await store.ReadSequenceAsync("US"));
    }

    [Fact]
    public async Task OpenAsync_TwoLogsInOneDatabase_KeptApart()
    {
        using var us = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "apart_us", create: true);
        using var ru = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "apart_ru", create: true);

        await us.AppendAsync(new LogAppend(0, [new StoredEntry(0, new byte[] { 7 }, Rfc9162.HashLeaf([7]))], [], [new PartySequence("US", 1)]));

        Assert.Equal(1, await us.GetSizeAsync());
        Assert.Equal(0, await ru.GetSizeAsync());
        Assert.Equal(0, await ru.ReadSequenceAsync("US"));
    }

    [Fact]
    public async Task ReadEntriesAsync_LeafHashCutShort_IsCorruption()
    {
        using var store = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "cut", create: true);
        var log = await MerkleLog.OpenAsync(store);
        await log.AppendAsync([new byte[] { 1 }, new byte[] { 2 }, new byte[] { 3 }]);
        await ExecuteAsync("UPDATE cut.entries SET leaf_hash = substring(leaf_hash from 1 for 31) WHERE idx = 1");

        var error = await Assert.ThrowsAsync<LogStoreException>(() => store.ReadEntriesAsync(0, 10));

        Assert.True(error.IsCorruption);
        Assert.Contains("leaf hash of entry 1 is not 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_EntryByteFlippedInDatabase_Caught()
    {
        using var store = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "flipped", create: true);
        var log = await MerkleLog.OpenAsync(store);
        await log.AppendAsync([.. Enumerable.Range(0, 20).Select(i => (ReadOnlyMemory<byte>)BitConverter.GetBytes(i))]);
        Assert.True((await LogVerifier.VerifyAsync(store, [], LogVerifierOptions.HashesOnly)).IsValid);

        await ExecuteAsync("UPDATE flipped.entries SET data = set_byte(data, 0, get_byte(data, 0) # 1) WHERE idx = 17");

        Assert.False((await LogVerifier.VerifyAsync(store, [], LogVerifierOptions.HashesOnly)).IsValid);
    }

    [Fact]
    public async Task OpenAsync_LogMadeBeforeNotes_AddsTheirTableAndKeepsTheLog()
    {
        Sha256Hash root;
        using (var store = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "older", create: true))
        {
            var log = await MerkleLog.OpenAsync(store);
            await log.AppendAsync([new byte[] { 1 }, new byte[] { 2 }, new byte[] { 3 }]);
            root = await log.RootAsync();
        }

        await ExecuteAsync("DROP TABLE older.notes"); // the layout before notes were kept beside the log

        using var reopened = await PostgresLogStore.OpenAsync(fixture.ConnectionString, "older");
        Assert.Null(await reopened.ReadNoteAsync("latest-checkpoint"));
        await reopened.WriteNoteAsync("latest-checkpoint", "note\n");
        Assert.Equal("note\n", await reopened.ReadNoteAsync("latest-checkpoint"));
        Assert.Equal(root, await (await MerkleLog.OpenAsync(reopened)).RootAsync());
        Assert.Equal(5L, await ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'older'"));
    }

    private static async Task<LogStoreException?> Attempt(PostgresLogStore store, byte[] data)
    {
        try
        {
            await store.AppendAsync(new LogAppend(0, [new StoredEntry(0, data, Rfc9162.HashLeaf(data))], [], []));
            return null;
        }
        catch (LogStoreException e)
        {
            return e;
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
