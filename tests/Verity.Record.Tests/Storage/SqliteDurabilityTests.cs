using Microsoft.Data.Sqlite;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Sqlite;
using Verity.Record.Storage;

namespace Verity.Record.Tests.Storage;

public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verity-durable-").FullName;

    [Fact]
    public async Task AppendAsync_ProcessStopsBeforeCheckpoint_AcknowledgedEntriesSurvive()
    {
        using var key = Fixtures.Key("US");
        var path = Path.Combine(_directory, "live.db");
        using var store = SqliteLogStore.Open(path, create: true);
        var log = await StatementLog.OpenAsync(store);
        await log.AppendAsync([.. Enumerable.Range(1, 30).Select(i => Fixtures.Statement(key, i))]);

        // The store is still open: what is on disk is the database file and its write-ahead log, as after a crash.
        var copy = Path.Combine(_directory, "after-crash.db");
        File.Copy(path, copy);
        File.Copy(path + "-wal", copy + "-wal");

        using var recovered = SqliteLogStore.Open(copy);
        Assert.Equal(30, await recovered.GetSizeAsync());
        Assert.True((await LogVerifier.VerifyAsync(recovered, [key.Verifier])).IsValid);
    }

    [Fact]
    public async Task Open_FileMadeBeforeNotes_AddsTheirTableAndKeepsTheLog()
    {
        var path = Path.Combine(_directory, "older.db");
        Sha256Hash root;
        using (var store = SqliteLogStore.Open(path, create: true))
        {
            var log = await MerkleLog.OpenAsync(store);
            await log.AppendAsync([new byte[] { 1 }, new byte[] { 2 }, new byte[] { 3 }]);
            root = await log.RootAsync();
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE notes"; // the layout before notes were kept beside the log
            command.ExecuteNonQuery();
        }

        using var reopened = SqliteLogStore.Open(path);
        Assert.Null(await reopened.ReadNoteAsync("latest-checkpoint"));
        await reopened.WriteNoteAsync("latest-checkpoint", "note\n");
        Assert.Equal("note\n", await reopened.ReadNoteAsync("latest-checkpoint"));
        Assert.Equal(root, await (await MerkleLog.OpenAsync(reopened)).RootAsync());
    }

    [Fact]
    public void Open_PragmasOfADurableLog_AreSet()
    {
        var path = Path.Combine(_directory, "pragmas.db");
        using (SqliteLogStore.Open(path, create: true))
        {
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "PRAGMA application_id";
        Assert.Equal((long)SqliteLogStore.ApplicationId, command.ExecuteScalar());
    }

    [Fact]
    public void Open_OtherSqliteFile_RefusedAndNotChanged()
    {
        var path = Path.Combine(_directory, "other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(x)";
            command.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<LogStoreException>(() => SqliteLogStore.Open(path));

        Assert.Contains("not a Verity log", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsCorruption);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
