using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Verity.Record.Log;
using Verity.Record.Sqlite;
using Verity.Record.Storage;

namespace Verity.Record.Tests.Storage;

/// <summary>A log file is evidence: reading or verifying it changes none of its bytes, a file that is not a Verity log
/// is refused as it is, and damage to its tables is a finding that names what is damaged.</summary>
public sealed class SqliteEvidenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verity-evidence-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Open_EmptyFile_RefusedAsNotAVerityLogAndLeftEmpty(bool create)
    {
        var path = Path.Combine(_directory, "empty.db");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<LogStoreException>(() => SqliteLogStore.Open(path, create));

        Assert.Contains("empty.db: not a Verity log (an empty file)", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsCorruption);
        Assert.Equal(0, new FileInfo(path).Length);
        Assert.Equal(["empty.db"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void OpenReadOnly_EmptyFile_RefusedAsNotAVerityLog()
    {
        var path = Path.Combine(_directory, "empty.db");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<LogStoreException>(() => SqliteLogStore.OpenReadOnly(path));

        Assert.Contains("not a Verity log (an empty file)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public async Task OpenReadOnly_VerifyReadAndProve_LeaveEveryByteAndNoJournalBehind()
    {
        using var key = Fixtures.Key("US");
        var path = await LogAsync(key, 40);
        var before = Hash(path);

        using (var store = SqliteLogStore.OpenReadOnly(path))
        {
            var result = await LogVerifier.VerifyAsync(store, [key.Verifier]);
            var log = await MerkleLog.OpenAsync(store);
            await log.InclusionProofAsync(3);
            await log.ConsistencyProofAsync(5);
            await store.ReadNoteAsync("latest-checkpoint");
            Assert.True(result.IsValid, result.Message);
        }

        Assert.Equal(before, Hash(path));
        Assert.Equal(["log.db"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task OpenReadOnly_BesideARunningWriter_ReadsItsCommittedEntriesAndWritesNothing()
    {
        using var key = Fixtures.Key("US");
        var path = Path.Combine(_directory, "live.db");
        using var writer = SqliteLogStore.Open(path, create: true);
        await (await StatementLog.OpenAsync(writer)).AppendAsync([.. Enumerable.Range(1, 20).Select(i => Fixtures.Statement(key, i))]);
        var (file, wal) = (Hash(path), Hash(path + "-wal"));

        using (var reader = SqliteLogStore.OpenReadOnly(path))
        {
            var result = await LogVerifier.VerifyAsync(reader, [key.Verifier]);
            Assert.True(result.IsValid, result.Message);
            Assert.Equal(20, result.TreeSize);
        }

        Assert.Equal((file, wal), (Hash(path), Hash(path + "-wal")));
    }

    [Fact]
    public async Task OpenReadOnly_Append_RefusedWithoutChangingTheFile()
    {
        using var key = Fixtures.Key("US");
        var path = await LogAsync(key, 3);
        var before = Hash(path);
        using var store = SqliteLogStore.OpenReadOnly(path);
        var log = await StatementLog.OpenAsync(store);

        await Assert.ThrowsAsync<LogStoreException>(() => log.AppendAsync([Fixtures.Statement(key, 4)]));

        store.Dispose();
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public async Task Open_ExistingLogToAppend_ChangesNothingUntilAnAppend()
    {
        using var key = Fixtures.Key("US");
        var path = await LogAsync(key, 3);
        var before = Hash(path);

        using (SqliteLogStore.Open(path))
        {
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public async Task Open_MarkedFileWithoutTheHashesTable_DamagedAndNotMended()
    {
        using var key = Fixtures.Key("US");
        var path = await LogAsync(key, 3);
        Execute(path, "DROP TABLE hashes");
        var before = Hash(path);

        var append = Assert.Throws<LogStoreException>(() => SqliteLogStore.Open(path));
        var read = Assert.Throws<LogStoreException>(() => SqliteLogStore.OpenReadOnly(path));

        Assert.All([append, read], e => Assert.True(e.IsCorruption));
        Assert.Contains("the hashes table is missing", read.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(path));
    }

    [Theory]
    [InlineData("UPDATE entries SET idx = 9223372036854775807 WHERE idx = 2", "the largest entry index is out of range")]
    [InlineData("UPDATE entries SET idx = -5 WHERE idx = 0", "an entry is stored at index -5")]
    [InlineData("UPDATE sequences SET sequence = 'three'", "the last sequence of party US is not an integer")]
    [InlineData("ALTER TABLE hashes RENAME COLUMN hash TO hesh", "no such column: hash")]
    [InlineData("UPDATE hashes SET idx = 'x' WHERE level = 4 AND idx = 0", "the index of a hash at level 4 is not an integer")]
    public async Task VerifyAsync_DamagedTables_AFindingNamingTheDamage(string damage, string named)
    {
        using var key = Fixtures.Key("US");
        var path = await LogAsync(key, 20);
        Execute(path, damage);

        using var store = SqliteLogStore.OpenReadOnly(path);
        var result = await LogVerifier.VerifyAsync(store, [key.Verifier]);

        Assert.False(result.IsValid);
        Assert.Contains(named, result.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<string> LogAsync(Verity.Record.Keys.SigningKey key, int count)
    {
        var path = Path.Combine(_directory, "log.db");
        using (var store = SqliteLogStore.Open(path, create: true))
        {
            await (await StatementLog.OpenAsync(store)).AppendAsync([.. Enumerable.Range(1, count).Select(i => Fixtures.Statement(key, i))]);
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    private static void Execute(string path, string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
