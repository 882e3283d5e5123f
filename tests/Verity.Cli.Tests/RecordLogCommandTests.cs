using System.Text.Json;
using Microsoft.Data.Sqlite;
using Verity.Record.Merkle;
using Verity.Record.Notes;

namespace Verity.Cli.Tests;

public sealed class RecordLogCommandTests : IDisposable
{
    private readonly RecordCliHarness _cli = new();

    [Fact]
    public async Task LogFlow_AppendCheckpointProveConsistencyVerify_AllAgree()
    {
        await NewKeyAsync("US");
        var files = await WriteFilesAsync(5);

        var append = await _cli.RunAsync(["log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), .. files]);
        var checkpoint = await _cli.RunAsync("log", "checkpoint", "--log", Db, "--key", _cli.PathOf("US.key"), "--origin", "verity.example/us");
        var prove = await _cli.RunAsync("log", "prove", "--log", Db, "--index", "3", "--json");
        var consistency = await _cli.RunAsync("log", "consistency", "--log", Db, "--from", "2", "--json");
        await File.WriteAllTextAsync(_cli.PathOf("us.checkpoint"), checkpoint.Out);
        var verify = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"), "--checkpoint", _cli.PathOf("us.checkpoint"));

        Assert.Equal((0, "5\n"), (append.Code, append.Out));
        Assert.Equal(0, checkpoint.Code);
        var vkey = Record.Keys.VerifierKey.Parse((await File.ReadAllTextAsync(_cli.PathOf("US.vkey"))).TrimEnd());
        var opened = Checkpoint.Open(checkpoint.Out, [vkey]);
        Assert.True(opened.IsValid, opened.Problem);
        Assert.Equal(5, opened.Checkpoint.TreeSize);
        Assert.StartsWith("verity.example/us\n5\n", checkpoint.Out, StringComparison.Ordinal);

        Assert.Equal(0, prove.Code);
        using var proof = JsonDocument.Parse(prove.Out);
        Assert.Equal(["leaf_index", "tree_size", "leaf_hash", "hashes"], proof.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, proof.RootElement.GetProperty("leaf_index").GetInt64());
        var leafHash = Sha256Hash.ParseBase64(proof.RootElement.GetProperty("leaf_hash").GetString()!);
        var path = proof.RootElement.GetProperty("hashes").EnumerateArray().Select(h => Sha256Hash.ParseBase64(h.GetString()!)).ToArray();
        Assert.True(InclusionProof.Verify(3, 5, leafHash, path, opened.Checkpoint.RootHash).IsValid);

        Assert.Equal(0, consistency.Code);
        using var consistent = JsonDocument.Parse(consistency.Out);
        Assert.Equal(["first", "second", "hashes"], consistent.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, consistent.RootElement.GetProperty("second").GetInt64());

        Assert.Equal(0, verify.Code);
        Assert.Contains("log of 5 entries verifies", verify.Out, StringComparison.Ordinal);
        Assert.All(verify.Out.Split('\n'), line => Assert.True(line.Length <= 80, line)); // wrapped between words at 80 columns
    }

    [Fact]
    public async Task LogAppend_SecondRun_ContinuesSequence()
    {
        await NewKeyAsync("US");
        var files = await WriteFilesAsync(2);
        await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[0]);

        var (code, output, _) = await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[1]);

        Assert.Equal((0, "2\n"), (code, output));
        Assert.Equal(0, (await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"))).Code);
    }

    [Fact]
    public async Task LogAppend_MissingKeyFile_Exit2AndNoLogCreated()
    {
        var files = await WriteFilesAsync(1);

        var (code, _, error) = await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("missing.key"), files[0]);

        Assert.Equal(2, code);
        Assert.Contains("missing.key", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task LogAppend_MalformedKeyBase64_Exit2NamingFileAndNoLogCreated()
    {
        var files = await WriteFilesAsync(1);
        await File.WriteAllTextAsync(_cli.PathOf("bad.key"), "PRIVATE+KEY+US+c132b0c4+AcnQjltc!!!\n");

        var (code, _, error) = await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("bad.key"), files[0]);

        Assert.Equal(2, code);
        Assert.Contains("bad.key: signing key material is not valid base64", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task LogAppend_MissingInputFile_Exit2AndLogUnchanged()
    {
        await NewKeyAsync("US");
        var files = await WriteFilesAsync(1);
        await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[0]);

        var (code, _, error) = await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[0], _cli.PathOf("absent.txt"));

        Assert.Equal(2, code);
        Assert.Contains("absent.txt", error, StringComparison.Ordinal);
        Assert.Equal(1, await SizeAsync());
    }

    [Fact]
    public async Task LogAppend_AnotherPartysLog_Exit2AndLogUnchanged()
    {
        await NewKeyAsync("US");
        await NewKeyAsync("RU");
        var files = await WriteFilesAsync(1);
        await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[0]);

        var (code, _, error) = await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("RU.key"), files[0]);

        Assert.Equal(2, code);
        Assert.Contains("belongs to party US", error, StringComparison.Ordinal);
        Assert.Equal(1, await SizeAsync());
    }

    [Theory]
    [InlineData("--index", "5", "index 5 is beyond the tree (size 3)")]
    [InlineData("--index", "-1", "index -1 is beyond the tree")]
    public async Task LogProve_IndexBeyondLog_Exit2(string option, string value, string message)
    {
        await LogOfAsync(3);

        var (code, output, error) = await _cli.RunAsync("log", "prove", "--log", Db, option, value, "--json");

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task LogProve_SizeBeyondLog_Exit2()
    {
        await LogOfAsync(3);

        var (code, _, error) = await _cli.RunAsync("log", "prove", "--log", Db, "--index", "0", "--size", "4");

        Assert.Equal(2, code);
        Assert.Contains("tree size 4 is beyond the log", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4", null, "--from: tree size 4 is not between 0 and 3")]
    [InlineData("1", "9", "--to: tree size 9 is beyond the log")]
    public async Task LogConsistency_SizesOutOfRange_Exit2(string from, string? to, string message)
    {
        await LogOfAsync(3);
        string[] args = to is null ? ["log", "consistency", "--log", Db, "--from", from] : ["log", "consistency", "--log", Db, "--from", from, "--to", to];

        var (code, _, error) = await _cli.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogProve_MissingLog_Exit2AndNoFileCreated()
    {
        var (code, _, error) = await _cli.RunAsync("log", "prove", "--log", Db, "--index", "0");

        Assert.Equal(2, code);
        Assert.Contains("no such log file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task LogVerify_WrongKey_Exit1NamingEntry0()
    {
        await LogOfAsync(3);
        await NewKeyAsync("US", "other");

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf(Path.Combine("other", "US.vkey")));

        Assert.Equal(1, code);
        Assert.Contains("entry 0: signed by unknown key US+", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_MalformedVkey_Exit2NamingFile()
    {
        await LogOfAsync(1);
        await File.WriteAllTextAsync(_cli.PathOf("bad.vkey"), "US+zzzzzzzz+AcnQ\n");

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("bad.vkey"));

        Assert.Equal(2, code);
        Assert.Contains("bad.vkey: verifier key ID 'zzzzzzzz'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_ForgedSignatureWithMatchingHashes_Exit1NamingEntry()
    {
        await LogOfAsync(3);
        // A forger who rewrites an entry and its leaf hash still cannot sign: the signature check names the entry.
        await ExecuteAsync("""
            UPDATE entries SET data = CAST(replace(CAST(data AS TEXT), 'file 1', 'file 9') AS BLOB) WHERE idx = 1;
            """);
        await RehashLeafAsync(1);

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"));

        Assert.Equal(1, code);
        Assert.Contains("entry 1: signature by US+", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_CorruptedEntryByte_Exit1NamingEntry()
    {
        await LogOfAsync(4);
        await ExecuteAsync("UPDATE entries SET data = CAST(replace(CAST(data AS TEXT), 'file 2', 'file X') AS BLOB) WHERE idx = 2;");

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"));

        Assert.Equal(1, code);
        Assert.Contains("entry 2: leaf hash mismatch", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_TruncatedDatabase_Exit1NamingFile()
    {
        await LogOfAsync(120);
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(Db);
        await File.WriteAllBytesAsync(Db, bytes[..(bytes.Length / 2)]);

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"));

        Assert.Equal(1, code);
        Assert.Contains("us.db", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_NotADatabase_Exit1NamingFile()
    {
        await NewKeyAsync("US");
        await File.WriteAllTextAsync(Db, new string('x', 5000));

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"));

        Assert.Equal(1, code);
        Assert.Contains("us.db: the log store is damaged", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_CheckpointSignedByAnotherKey_Exit1()
    {
        await LogOfAsync(2);
        await NewKeyAsync("US", "other");
        var checkpoint = await _cli.RunAsync("log", "checkpoint", "--log", Db, "--key", _cli.PathOf(Path.Combine("other", "US.key")), "--origin", "o");
        await File.WriteAllTextAsync(_cli.PathOf("cp"), checkpoint.Out);

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"), "--checkpoint", _cli.PathOf("cp"));

        Assert.Equal(1, code);
        Assert.Contains("no verifiable signatures", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_CheckpointBeyondLog_Exit1()
    {
        await LogOfAsync(2);
        using var key = Record.Keys.SigningKey.Parse((await File.ReadAllTextAsync(_cli.PathOf("US.key"))).TrimEnd());
        var note = new Checkpoint("o", 7, Rfc9162.EmptyRoot).Sign(key).ToString();
        await File.WriteAllTextAsync(_cli.PathOf("cp"), note);

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"), "--checkpoint", _cli.PathOf("cp"));

        Assert.Equal(1, code);
        Assert.Contains("checkpoint of size 7 but", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("append")]
    [InlineData("prove")]
    public async Task Log_EmptyFile_Exit2NamingItAndLeftEmpty(string verb)
    {
        await NewKeyAsync("US");
        var files = await WriteFilesAsync(1);
        await File.WriteAllBytesAsync(Db, []);
        string[] args = verb switch
        {
            "verify" => ["log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey")],
            "append" => ["log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[0]],
            _ => ["log", "prove", "--log", Db, "--index", "0"],
        };

        var (code, output, error) = await _cli.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("us.db: not a Verity log (an empty file)", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Equal(0, new FileInfo(Db).Length);
        Assert.False(File.Exists(Db + "-wal"));
    }

    [Fact]
    public async Task LogReadingVerbs_LeaveEveryByteOfTheLogAsItWas()
    {
        await LogOfAsync(20);
        var before = await HashAsync(Db);
        var checkpoint = await _cli.RunAsync("log", "checkpoint", "--log", Db, "--key", _cli.PathOf("US.key"), "--origin", "o");
        await File.WriteAllTextAsync(_cli.PathOf("cp"), checkpoint.Out);

        var runs = new[]
        {
            await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"), "--checkpoint", _cli.PathOf("cp")),
            await _cli.RunAsync("log", "prove", "--log", Db, "--index", "7"),
            await _cli.RunAsync("log", "consistency", "--log", Db, "--from", "3"),
        };

        Assert.Equal(0, checkpoint.Code);
        Assert.All(runs, run => Assert.Equal(0, run.Code));
        Assert.Equal(before, await HashAsync(Db));
        Assert.False(File.Exists(Db + "-wal"));
        Assert.False(File.Exists(Db + "-shm"));
    }

    [Fact]
    public async Task LogAppend_Refused_LeavesEveryByteOfTheLogAsItWas()
    {
        await LogOfAsync(2);
        await NewKeyAsync("RU");
        var before = await HashAsync(Db);

        var (code, _, error) = await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("RU.key"), _cli.PathOf("in-0.txt"));

        Assert.Equal(2, code);
        Assert.Contains("belongs to party US", error, StringComparison.Ordinal);
        Assert.Equal(before, await HashAsync(Db));
    }

    [Theory]
    [InlineData("garbage\n", "not a signed checkpoint: malformed note")]
    [InlineData("", "not a signed checkpoint")]
    [InlineData("SIGNED", "not a signed checkpoint: checkpoint line 2")]
    public async Task LogVerify_CheckpointThatDoesNotParse_Exit2NamingTheFile(string content, string message)
    {
        await LogOfAsync(2);
        using var key = Record.Keys.SigningKey.Parse((await File.ReadAllTextAsync(_cli.PathOf("US.key"))).TrimEnd());
        // "SIGNED": a well-signed note whose text is not a checkpoint (no tree size line).
        var text = content == "SIGNED" ? SignedNote.Sign("o\nseven\nroot\n", key).ToString() : content;
        await File.WriteAllTextAsync(_cli.PathOf("cp"), text);

        var (code, output, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"), "--checkpoint", _cli.PathOf("cp"));

        Assert.Equal(2, code);
        Assert.Contains($"{_cli.PathOf("cp")}: {message}", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task LogVerify_CheckpointWithAnotherRoot_Exit1NamingBothRoots()
    {
        await LogOfAsync(2);
        using var key = Record.Keys.SigningKey.Parse((await File.ReadAllTextAsync(_cli.PathOf("US.key"))).TrimEnd());
        await File.WriteAllTextAsync(_cli.PathOf("cp"), new Checkpoint("o", 2, Rfc9162.EmptyRoot).Sign(key).ToString());

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"), "--checkpoint", _cli.PathOf("cp"));

        Assert.Equal(1, code);
        Assert.Contains($"the checkpoint says {Rfc9162.EmptyRoot.ToBase64()}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_HashesTableDamaged_Exit1NamingTheDamageOnce()
    {
        await LogOfAsync(20);
        await ExecuteAsync("ALTER TABLE hashes RENAME COLUMN hash TO hesh");

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"));

        Assert.Equal(1, code);
        Assert.Contains($"verity: {Db}: the log store is damaged", error, StringComparison.Ordinal);
        Assert.Contains("no such column: hash", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_StoredSubtreeHashFlipped_Exit1NamingTheEntries()
    {
        await LogOfAsync(40);
        await using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT hash FROM hashes WHERE level = 4 AND idx = 1";
            var hash = (byte[])(await read.ExecuteScalarAsync())!;
            hash[7] ^= 0x10; // one bit
            await using var write = connection.CreateCommand();
            write.CommandText = "UPDATE hashes SET hash = $hash WHERE level = 4 AND idx = 1";
            write.Parameters.AddWithValue("$hash", hash);
            await write.ExecuteNonQueryAsync();
        }

        var (code, _, error) = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"));

        Assert.Equal(1, code);
        Assert.Equal($"verity: {Db}: subtree hash of entries 16..31 (node 1 at level 4) mismatch", error.Split(": stored")[0]);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task KeysRotate_NewKeySignsAfterwards_LogVerifiesFromTheFirstKey()
    {
        await NewKeyAsync("US");
        await NewKeyAsync("US", "next");
        var files = await WriteFilesAsync(2);
        await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[0]);

        var rotate = await _cli.RunAsync("keys", "rotate", "--log", Db, "--key", _cli.PathOf("US.key"), "--new", _cli.PathOf("next/US.vkey"));
        var append = await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("next/US.key"), files[1]);
        var verify = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"));

        Assert.Equal((0, "2\n"), (rotate.Code, rotate.Out));
        Assert.Equal((0, "3\n"), (append.Code, append.Out));
        Assert.Equal(0, verify.Code);
    }

    [Fact]
    public async Task KeysRotate_AppendWithTheRetiredKey_ExitsTwoWritingNothing()
    {
        await NewKeyAsync("US");
        await NewKeyAsync("US", "next");
        var files = await WriteFilesAsync(1);
        await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[0]);
        await _cli.RunAsync("keys", "rotate", "--log", Db, "--key", _cli.PathOf("US.key"), "--new", _cli.PathOf("next/US.vkey"));

        var append = await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[0]);
        var verify = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"));

        Assert.Equal(2, append.Code);
        Assert.Contains("was retired by a key rotation", append.Error, StringComparison.Ordinal);
        Assert.Contains("log of 2 entries verifies", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRotate_NewKeyOfAnotherParty_ExitsTwoWritingNothing()
    {
        await NewKeyAsync("US");
        await NewKeyAsync("RU");
        var files = await WriteFilesAsync(1);
        await _cli.RunAsync("log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), files[0]);

        var rotate = await _cli.RunAsync("keys", "rotate", "--log", Db, "--key", _cli.PathOf("US.key"), "--new", _cli.PathOf("RU.vkey"));
        var verify = await _cli.RunAsync("log", "verify", "--log", Db, "--vkey", _cli.PathOf("US.vkey"));

        Assert.Equal(2, rotate.Code);
        Assert.Contains("--new", rotate.Error, StringComparison.Ordinal);
        Assert.Contains("log of 1 entries verifies", verify.Out, StringComparison.Ordinal);
    }

    private string Db => _cli.PathOf("us.db");

    private async Task NewKeyAsync(string name, string? subdirectory = null)
    {
        var directory = subdirectory is null ? _cli.Directory : Directory.CreateDirectory(_cli.PathOf(subdirectory)).FullName;
        Assert.Equal(0, (await _cli.RunAsync("keys", "new", "--name", name, "--out", directory)).Code);
    }

    private async Task<string[]> WriteFilesAsync(int count)
    {
        var files = new string[count];
        for (var i = 0; i < count; i++)
        {
            files[i] = _cli.PathOf($"in-{i}.txt");
            await File.WriteAllTextAsync(files[i], $"file {i}\n");
        }

        return files;
    }

    private async Task LogOfAsync(int count)
    {
        await NewKeyAsync("US");
        var files = await WriteFilesAsync(count);
        Assert.Equal(0, (await _cli.RunAsync(["log", "append", "--log", Db, "--key", _cli.PathOf("US.key"), .. files])).Code);
    }

    private async Task<long> SizeAsync()
    {
        using var store = Record.Sqlite.SqliteLogStore.Open(Db);
        return await store.GetSizeAsync();
    }

    private static async Task<string> HashAsync(string path)
    {
        SqliteConnection.ClearAllPools();
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path)));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task RehashLeafAsync(long index)
    {
        await using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT data FROM entries WHERE idx = {index}";
        var data = (byte[])(await read.ExecuteScalarAsync())!;
        await using var write = connection.CreateCommand();
        write.CommandText = $"UPDATE entries SET leaf_hash = $hash WHERE idx = {index}";
        write.Parameters.AddWithValue("$hash", Rfc9162.HashLeaf(data).ToArray());
        await write.ExecuteNonQueryAsync();
    }
}
