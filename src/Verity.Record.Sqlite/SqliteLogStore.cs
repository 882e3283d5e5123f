using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Verity.Record.Merkle;
using Verity.Record.Storage;

namespace Verity.Record.Sqlite;

/// <summary>A log store in one SQLite file: WAL journal, <c>synchronous=FULL</c>, one transaction per append batch, so an
/// append is durable when it returns and a crash leaves either all of a batch or none of it.</summary>
/// <remarks>
/// Tables: <c>entries(idx, data, leaf_hash)</c>, <c>hashes(level, idx, hash)</c> for the stored levels above 0, and
/// <c>sequences(party, sequence)</c>, and beside the log <c>notes(name, text)</c> (created when a file made before it
/// is opened; not hashed into the log). The file is marked with <c>PRAGMA application_id</c> so that another SQLite file
/// is refused instead of being written to. <c>secure_delete</c> is on, so cells moved when pages split leave no stale
/// copies: every copy of an entry or hash in the file is the live one. Calls are serialized on one connection; the store is safe to share.
/// </remarks>
public sealed class SqliteLogStore : ILogStore
{
    /// <summary>The <c>application_id</c> of a Verity log file: "VRLG".</summary>
    public const int ApplicationId = 0x56524C47;

    private const int SqliteError = 1;
    private const int SqliteCorrupt = 11;
    private const int SqliteConstraint = 19;
    private const int SqliteMismatch = 20;

    // The tables of the log itself; notes beside it may be absent (a file made before them).
    private static readonly string[] LogTables = ["entries", "hashes", "sequences"];
    private const int SqliteNotADatabase = 26;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly bool _hasNotes;

    private SqliteLogStore(string path, SqliteConnection connection, bool hasNotes)
    {
        Location = path;
        _connection = connection;
        _hasNotes = hasNotes;
    }

    /// <inheritdoc/>
    public string Location { get; }

    /// <summary>Opens the log file at <paramref name="path"/> to read and append, creating it if <paramref name="create"/>
    /// is set and there is no file of that name.</summary>
    /// <remarks>An existing file must already be a Verity log: an empty file, or another SQLite file, is refused and left
    /// as it was. Opening a Verity log writes nothing to it unless it needs the notes table (a file made before notes).</remarks>
    /// <exception cref="FileNotFoundException">The file does not exist and <paramref name="create"/> is not set.</exception>
    /// <exception cref="LogStoreException">The file is not a Verity log, or is damaged.</exception>
    public static SqliteLogStore Open(string path, bool create = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var exists = File.Exists(path);
        if (!create && !exists)
        {
            throw new FileNotFoundException($"{path}: no such log file", path);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        return Connect(path, builder.ToString(), connection =>
        {
            if (exists)
            {
                Prepare(connection, path, CheckVerityLog(connection, path));
            }
            else
            {
                Create(connection, path);
            }

            return true;
        });
    }

    /// <summary>Opens the existing log file at <paramref name="path"/> read-only, as a verifier must: nothing in the file
    /// changes, and no journal file is left beside it.</summary>
    /// <remarks>When no write-ahead log is beside the file, no writer has it open and everything committed is in the file
    /// itself: it is opened <c>immutable</c>, so SQLite creates no <c>-wal</c> or <c>-shm</c> file. Otherwise (a node
    /// has it open, or stopped without a checkpoint) it is opened read-only through the write-ahead log, which is read
    /// and not written. Appending to, or writing a note in, a store opened so fails with <see cref="LogStoreException"/>.</remarks>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="LogStoreException">The file is not a Verity log, or is damaged.</exception>
    public static SqliteLogStore OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such log file", path);
        }

        // A file: URI, so that immutable=1 can be passed; the path is escaped as a URI path.
        var uri = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        var immutable = !File.Exists(path + "-wal");
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? uri + "?immutable=1" : uri,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        return Connect(path, builder.ToString(), connection => CheckVerityLog(connection, path).Contains("notes"));
    }

    // Opens the connection and runs initialize, which says whether the file has the notes table.
    private static SqliteLogStore Connect(string path, string connectionString, Func<SqliteConnection, bool> initialize)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var hasNotes = initialize(connection);
            return new SqliteLogStore(path, connection, hasNotes);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Translate(path, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<long> GetSizeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(() => Size()));

    /// <inheritdoc/>
    public Task AppendAsync(LogAppend batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Run(() =>
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var size = Size(transaction);
            if (size != batch.StartIndex)
            {
                throw LogStoreException.Conflict(Location, batch.StartIndex, size);
            }

            using (var insert = _connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO entries(idx, data, leaf_hash) VALUES ($idx, $data, $leaf)";
                var idx = insert.Parameters.Add("$idx", SqliteType.Integer);
                var data = insert.Parameters.Add("$data", SqliteType.Blob);
                var leaf = insert.Parameters.Add("$leaf", SqliteType.Blob);
                insert.Prepare();
                foreach (var entry in batch.Entries)
                {
                    idx.Value = entry.Index;
                    data.Value = AsArray(entry.Data);
                    leaf.Value = entry.LeafHash.ToArray();
                    insert.ExecuteNonQuery();
                }
            }

            using (var insert = _connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO hashes(level, idx, hash) VALUES ($level, $idx, $hash)";
                var level = insert.Parameters.Add("$level", SqliteType.Integer);
                var idx = insert.Parameters.Add("$idx", SqliteType.Integer);
                var hash = insert.Parameters.Add("$hash", SqliteType.Blob);
                insert.Prepare();
                foreach (var stored in batch.Hashes)
                {
                    level.Value = stored.Node.Level;
                    idx.Value = stored.Node.Index;
                    hash.Value = stored.Hash.ToArray();
                    insert.ExecuteNonQuery();
                }
            }

            using (var upsert = _connection.CreateCommand())
            {
                upsert.Transaction = transaction;
                upsert.CommandText = "INSERT INTO sequences(party, sequence) VALUES ($party, $sequence) ON CONFLICT(party) DO UPDATE SET sequence = excluded.sequence";
                var party = upsert.Parameters.Add("$party", SqliteType.Text);
                var sequence = upsert.Parameters.Add("$sequence", SqliteType.Integer);
                foreach (var item in batch.Sequences)
                {
                    party.Value = item.Party;
                    sequence.Value = item.Sequence;
                    upsert.ExecuteNonQuery();
                }
            }

            // With journal_mode=WAL and synchronous=FULL, the WAL is fsynced at commit: the batch is durable here.
            transaction.Commit();
            return 0;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredEntry>> ReadEntriesAsync(long start, int count, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredEntry>>(Run(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT idx, data, leaf_hash FROM entries WHERE idx >= $start ORDER BY idx LIMIT $count";
            command.Parameters.AddWithValue("$start", start);
            command.Parameters.AddWithValue("$count", count);
            using var reader = command.ExecuteReader();
            var entries = new List<StoredEntry>(Math.Min(count, 65536));
            while (reader.Read())
            {
                var index = ReadIndex(reader, 0, "an entry's index");
                var data = ReadBlob(reader, 1, $"entry {index}");
                entries.Add(new StoredEntry(index, data, ReadHash(reader, 2, $"leaf hash of entry {index}")));
            }

            return entries;
        }));

    /// <inheritdoc/>
    public Task<IReadOnlyList<Sha256Hash>> ReadHashesAsync(int level, long start, int count, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Sha256Hash>>(Run(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = level == 0
                ? "SELECT leaf_hash, idx FROM entries WHERE idx >= $start ORDER BY idx LIMIT $count"
                : "SELECT hash, idx FROM hashes WHERE level = $level AND idx >= $start ORDER BY idx LIMIT $count";
            command.Parameters.AddWithValue("$level", level);
            command.Parameters.AddWithValue("$start", start);
            command.Parameters.AddWithValue("$count", count);
            using var reader = command.ExecuteReader();
            var hashes = new Sha256Hash[count];
            var n = 0;
            while (reader.Read())
            {
                if (ReadIndex(reader, 1, $"the index of a hash at level {level}") != start + n)
                {
                    break; // a gap: return the run before it, the caller sees a short read
                }

                hashes[n] = ReadHash(reader, 0, $"hash {start + n} at level {level}");
                n++;
            }

            return n == count ? hashes : hashes[..n];
        }));

    /// <inheritdoc/>
    public Task<long> ReadSequenceAsync(string party, CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT sequence FROM sequences WHERE party = $party";
            command.Parameters.AddWithValue("$party", party);
            return command.ExecuteScalar() switch
            {
                null => 0L,
                long sequence => sequence,
                _ => throw Damaged($"the last sequence of party {party} is not an integer"),
            };
        }));

    /// <inheritdoc/>
    public Task<string?> ReadNoteAsync(string name, CancellationToken cancellationToken = default)
    {
        LogNotes.ThrowIfInvalidName(name);
        return Task.FromResult(Run(() =>
        {
            if (!_hasNotes)
            {
                return null; // a file made before notes, opened read-only
            }

            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT text FROM notes WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
            return command.ExecuteScalar() switch
            {
                null => null,
                string text => text,
                _ => throw Damaged($"note '{name}' is not text"),
            };
        }));
    }

    /// <inheritdoc/>
    public Task WriteNoteAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        LogNotes.ThrowIfInvalid(name, text);
        Run(() =>
        {
            // One statement, committed on its own: with synchronous=FULL the note is durable when it returns.
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO notes(name, text) VALUES ($name, $text) ON CONFLICT(name) DO UPDATE SET text = excluded.text";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$text", text);
            return command.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    // A file that existed before it was opened is a Verity log only if SQLite can read it and it carries the mark; an
    // empty file (SQLite would take it for an empty database) is not one. Returns the tables it has.
    private static HashSet<string> CheckVerityLog(SqliteConnection connection, string path)
    {
        if (new FileInfo(path).Length == 0)
        {
            throw new LogStoreException($"{path}: not a Verity log (an empty file)");
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA application_id";
        var id = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (id != ApplicationId)
        {
            throw new LogStoreException($"{path}: not a Verity log (SQLite application_id {id:x8}, expected {ApplicationId:x8})");
        }

        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table'";
        var tables = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetValue(0) as string ?? "");
            }
        }

        // A file with the mark but without a table of the log is damaged, not to be mended by creating an empty one.
        foreach (var table in LogTables.Where(t => !tables.Contains(t)))
        {
            throw LogStoreException.Corrupt(path, $"the {table} table is missing");
        }

        return tables;
    }

    // The connection's own settings, which write nothing; the file is written to only if it lacks a part.
    private static void Prepare(SqliteConnection connection, string path, HashSet<string> tables)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        if (!string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.Ordinal))
        {
            command.CommandText = "PRAGMA journal_mode = WAL";
            command.ExecuteNonQuery();
        }

        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
        if (!tables.Contains("notes"))
        {
            command.CommandText = NotesTable;
            command.ExecuteNonQuery();
        }

        command.CommandText = "PRAGMA synchronous";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 2)
        {
            throw new LogStoreException($"{path}: SQLite refused synchronous=FULL");
        }
    }

    // A new file: marked and given its tables in one transaction, so that it is a Verity log or not one.
    private static void Create(SqliteConnection connection, string path)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL";
            command.ExecuteNonQuery();
        }

        using (var transaction = connection.BeginTransaction())
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"PRAGMA application_id = {ApplicationId};" + Schema;
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        Prepare(connection, path, ["notes"]);
    }

    private const string NotesTable = "CREATE TABLE IF NOT EXISTS notes(name TEXT PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID;";

    private const string Schema = """
        CREATE TABLE entries(idx INTEGER PRIMARY KEY, data BLOB NOT NULL, leaf_hash BLOB NOT NULL);
        CREATE TABLE hashes(level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY(level, idx)) WITHOUT ROWID;
        CREATE TABLE sequences(party TEXT PRIMARY KEY, sequence INTEGER NOT NULL) WITHOUT ROWID;
        """ + NotesTable;

    private T Run<T>(Func<T> action)
    {
        lock (_gate)
        {
            try
            {
                return action();
            }
            catch (SqliteException e)
            {
                throw Translate(Location, e);
            }
        }
    }

    // One more than the largest index. An entry below 0 would never be read, and SQLite turns MAX(idx) + 1 into a real
    // number when the largest index is the largest integer: both are damage.
    private long Size(SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(idx) + 1, 0), COALESCE(MIN(idx), 0) FROM entries";
        using var reader = command.ExecuteReader();
        reader.Read();
        if (reader.GetValue(1) is long least && least < 0)
        {
            throw Damaged($"an entry is stored at index {least}");
        }

        return reader.GetValue(0) is long size ? size : throw Damaged("the largest entry index is out of range");
    }

    // A column declared INTEGER can still hold NULL, text or a real number in SQLite: any of them is damage.
    private long ReadIndex(SqliteDataReader reader, int ordinal, string what) =>
        reader.GetValue(ordinal) is long index ? index : throw Damaged($"{what} is not an integer");

    private Sha256Hash ReadHash(SqliteDataReader reader, int ordinal, string what) =>
        ReadBlob(reader, ordinal, what) is { Length: Sha256Hash.Length } bytes ? Sha256Hash.FromBytes(bytes)
            : throw Damaged($"{what} is not {Sha256Hash.Length} bytes");

    // GetValue is the fast path for blobs in Microsoft.Data.Sqlite (GetBytes and GetFieldValue<byte[]> are several
    // times slower); a value of another type (NULL, text, integer) is damage.
    private byte[] ReadBlob(SqliteDataReader reader, int ordinal, string what) =>
        reader.GetValue(ordinal) as byte[] ?? throw Damaged($"{what} is not a blob");

    private LogStoreException Damaged(string detail) => LogStoreException.Corrupt(Location, detail);

    private static byte[] AsArray(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    // The one place driver errors become store errors.
    // SQLite's own statements failing on a Verity log (SQLITE_ERROR: a table or column of the log is not what was
    // written; CONSTRAINT, MISMATCH: a stored row contradicts the schema) mean the file was changed under it: damage,
    // as CORRUPT and NOTADB are. Busy, read-only, I/O and other failures of the machine are not.
    private static LogStoreException Translate(string path, SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        SqliteError or SqliteCorrupt or SqliteConstraint or SqliteMismatch or SqliteNotADatabase => LogStoreException.Corrupt(path, e.Message, e),
        _ => new LogStoreException($"{path}: {e.Message}", e),
    };
}
