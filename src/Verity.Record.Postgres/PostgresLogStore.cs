using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;
using Verity.Record.Merkle;
using Verity.Record.Storage;

namespace Verity.Record.Postgres;

/// <summary>A log store in one PostgreSQL schema: one transaction per append batch, committed with
/// <c>synchronous_commit = on</c>, so an append is durable when it returns and a crash leaves either all of a batch or
/// none of it. The same data as <c>SqliteLogStore</c>, in a server shared by several logs.</summary>
/// <remarks>
/// Tables, in the log's schema: <c>log(format, size)</c> (one row: marks the schema as a Verity log and serializes
/// writers), <c>entries(idx, data, leaf_hash)</c>, <c>hashes(level, idx, hash)</c> for the stored levels above 0, and
/// <c>sequences(party, sequence)</c>, and beside the log <c>notes(name, text)</c> (created when a schema made before it
/// is opened; not hashed into the log). Entries and hashes are written with binary <c>COPY</c>. A schema that holds
/// tables but no <c>log</c> row is refused instead of being written to, and so is a server with <c>fsync</c> off.
/// Each call takes a pooled connection; the store is safe to share.
/// </remarks>
public sealed partial class PostgresLogStore : ILogStore
{
    /// <summary>The layout version in the <c>log</c> table.</summary>
    public const int Format = 1;

    // PostgreSQL error codes (Appendix A): the ones that mean something to a log store.
    private const string UniqueViolation = "23505";
    private const string InvalidSchemaName = "3F000";
    private const string UndefinedTable = "42P01";
    private const string DataCorrupted = "XX001";
    private const string IndexCorrupted = "XX002";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    private PostgresLogStore(NpgsqlDataSource dataSource, string schema, string location)
    {
        _dataSource = dataSource;
        _schema = schema;
        Schema = schema;
        Location = location;
    }

    /// <inheritdoc/>
    /// <remarks>Host, port, database and schema, such as <c>postgres://127.0.0.1:5432/verity/us_log</c>; never the password.</remarks>
    public string Location { get; }

    /// <summary>The schema that holds this log.</summary>
    public string Schema { get; }

    /// <summary>Opens the log in <paramref name="schema"/> of the database <paramref name="connectionString"/> names,
    /// creating the schema and its tables if <paramref name="create"/> is set.</summary>
    /// <param name="connectionString">An Npgsql connection string, such as
    /// <c>Host=127.0.0.1;Username=verity;Password=…;Database=verity</c>.</param>
    /// <param name="schema">The log's schema: a lowercase SQL identifier such as <c>us_log</c>.</param>
    /// <param name="create">Create the schema and tables if missing.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="ArgumentException">The connection string is empty or malformed, or the schema is not a lowercase identifier.</exception>
    /// <exception cref="LogStoreException">The server is unreachable, the log does not exist and <paramref name="create"/>
    /// is not set, the schema is not a Verity log, or the server does not make commits durable.</exception>
    public static async Task<PostgresLogStore> OpenAsync(string connectionString, string schema, bool create = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException($"'{schema}' is not a schema name: expected a lowercase letter or '_', then up to 62 lowercase letters, digits or '_'.", nameof(schema));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"not a PostgreSQL connection string: {e.Message}", nameof(connectionString), e);
        }

        var location = $"postgres://{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}/{schema}";
        var dataSource = NpgsqlDataSource.Create(builder);
        var store = new PostgresLogStore(dataSource, schema, location);
        try
        {
            await store.Run(async connection =>
            {
                await store.InitializeAsync(connection, create, cancellationToken).ConfigureAwait(false);
                return 0;
            }, cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<long> GetSizeAsync(CancellationToken cancellationToken = default) =>
        Run(async connection =>
        {
            await using var command = new NpgsqlCommand($"SELECT size FROM {Table("log")}", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task AppendAsync(LogAppend batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Run(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // The row lock serializes writers: a second writer waits here, then sees the new size and is refused.
            // synchronous_commit: the commit returns only once the WAL is flushed, whatever the server's default.
            long size;
            await using (var head = new NpgsqlCommand($"SET LOCAL synchronous_commit = on; SELECT size FROM {Table("log")} FOR UPDATE", connection, transaction))
            {
                size = (long)(await head.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            if (size != batch.StartIndex)
            {
                throw LogStoreException.Conflict(Location, batch.StartIndex, size);
            }

            if (batch.Entries.Length > 0)
            {
                await using var copy = await connection.BeginBinaryImportAsync(
                    $"COPY {Table("entries")} (idx, data, leaf_hash) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
                foreach (var entry in batch.Entries)
                {
                    await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(entry.Index, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(entry.Data, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(entry.LeafHash.ToArray(), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                }

                await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (batch.Hashes.Length > 0)
            {
                await using var copy = await connection.BeginBinaryImportAsync(
                    $"COPY {Table("hashes")} (level, idx, hash) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
                foreach (var stored in batch.Hashes)
                {
                    await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(stored.Node.Level, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(stored.Node.Index, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(stored.Hash.ToArray(), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                }

                await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (batch.Sequences.Length > 0)
            {
                await using var upsert = new NpgsqlCommand(
                    $"""
                    INSERT INTO {Table("sequences")} (party, sequence) SELECT * FROM unnest(@parties, @sequences)
                    ON CONFLICT (party) DO UPDATE SET sequence = excluded.sequence
                    """, connection, transaction);
                upsert.Parameters.Add(new NpgsqlParameter<string[]>("parties", NpgsqlDbType.Array | NpgsqlDbType.Text)
                {
                    TypedValue = [.. batch.Sequences.Select(s => s.Party)],
                });
                upsert.Parameters.Add(new NpgsqlParameter<long[]>("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                {
                    TypedValue = [.. batch.Sequences.Select(s => s.Sequence)],
                });
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var grow = new NpgsqlCommand($"UPDATE {Table("log")} SET size = @size", connection, transaction))
            {
                grow.Parameters.Add(new NpgsqlParameter<long>("size", NpgsqlDbType.Bigint) { TypedValue = checked(size + batch.Entries.Length) });
                await grow.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // The batch is durable when the commit returns (synchronous_commit = on, fsync checked at open).
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredEntry>> ReadEntriesAsync(long start, int count, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<StoredEntry>>(async connection =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT idx, data, leaf_hash FROM {Table("entries")} WHERE idx >= @start ORDER BY idx LIMIT @count", connection);
            command.Parameters.Add(new NpgsqlParameter<long>("start", NpgsqlDbType.Bigint) { TypedValue = start });
            command.Parameters.Add(new NpgsqlParameter<long>("count", NpgsqlDbType.Bigint) { TypedValue = Math.Max(count, 0) });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<StoredEntry>(Math.Clamp(count, 0, 65536));
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var index = reader.GetInt64(0);
                var data = ReadBytes(reader, 1, $"entry {index}");
                entries.Add(new StoredEntry(index, data, ReadHash(reader, 2, $"leaf hash of entry {index}")));
            }

            return entries;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Sha256Hash>> ReadHashesAsync(int level, long start, int count, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<Sha256Hash>>(async connection =>
        {
            await using var command = new NpgsqlCommand(level == 0
                ? $"SELECT leaf_hash, idx FROM {Table("entries")} WHERE idx >= @start ORDER BY idx LIMIT @count"
                : $"SELECT hash, idx FROM {Table("hashes")} WHERE level = @level AND idx >= @start ORDER BY idx LIMIT @count", connection);
            if (level != 0)
            {
                command.Parameters.Add(new NpgsqlParameter<int>("level", NpgsqlDbType.Integer) { TypedValue = level });
            }

            command.Parameters.Add(new NpgsqlParameter<long>("start", NpgsqlDbType.Bigint) { TypedValue = start });
            command.Parameters.Add(new NpgsqlParameter<long>("count", NpgsqlDbType.Bigint) { TypedValue = Math.Max(count, 0) });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var hashes = new List<Sha256Hash>(Math.Clamp(count, 0, 65536));
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.GetInt64(1) != start + hashes.Count)
                {
                    break; // a gap: return the run before it, the caller sees a short read
                }

                hashes.Add(ReadHash(reader, 0, $"hash {start + hashes.Count} at level {level}"));
            }

            return hashes;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<long> ReadSequenceAsync(string party, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(party);
        return Run(async connection =>
        {
            await using var command = new NpgsqlCommand($"SELECT sequence FROM {Table("sequences")} WHERE party = @party", connection);
            command.Parameters.Add(new NpgsqlParameter<string>("party", NpgsqlDbType.Text) { TypedValue = party });
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long sequence ? sequence : 0L;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<string?> ReadNoteAsync(string name, CancellationToken cancellationToken = default)
    {
        LogNotes.ThrowIfInvalidName(name);
        return Run(async connection =>
        {
            await using var command = new NpgsqlCommand($"SELECT text FROM {Table("notes")} WHERE name = @name", connection);
            command.Parameters.Add(new NpgsqlParameter<string>("name", NpgsqlDbType.Text) { TypedValue = name });
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task WriteNoteAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        LogNotes.ThrowIfInvalid(name, text);
        return Run(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // As for appends: the commit returns only once the WAL is flushed, whatever the server's default.
            await using (var upsert = new NpgsqlCommand(
                $"""
                SET LOCAL synchronous_commit = on;
                INSERT INTO {Table("notes")} (name, text) VALUES (@name, @text) ON CONFLICT (name) DO UPDATE SET text = excluded.text
                """, connection, transaction))
            {
                upsert.Parameters.Add(new NpgsqlParameter<string>("name", NpgsqlDbType.Text) { TypedValue = name });
                upsert.Parameters.Add(new NpgsqlParameter<string>("text", NpgsqlDbType.Text) { TypedValue = text });
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _dataSource.Dispose();

    private async Task InitializeAsync(NpgsqlConnection connection, bool create, CancellationToken cancellationToken)
    {
        // Acknowledge only what is durable: with fsync off, a committed batch can vanish in a power cut.
        await using (var fsync = new NpgsqlCommand("SHOW fsync", connection))
        {
            if (await fsync.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not "on")
            {
                throw new LogStoreException($"{Location}: the server runs with fsync off, so commits are not durable");
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // One opener at a time per schema, so that two processes creating the same log do not race on CREATE.
        await using (var lockSchema = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('verity.log.' || @schema))", connection, transaction))
        {
            lockSchema.Parameters.Add(new NpgsqlParameter<string>("schema", NpgsqlDbType.Text) { TypedValue = _schema });
            await lockSchema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long tables;
        long marked;
        long notes;
        await using (var inspect = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = @schema),
                   (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = @schema AND tablename = 'log'),
                   (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = @schema AND tablename = 'notes')
            """, connection, transaction))
        {
            inspect.Parameters.Add(new NpgsqlParameter<string>("schema", NpgsqlDbType.Text) { TypedValue = _schema });
            await using var reader = await inspect.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            tables = reader.GetInt64(0);
            marked = reader.GetInt64(1);
            notes = reader.GetInt64(2);
        }

        if (marked == 0 && tables > 0)
        {
            throw new LogStoreException($"{Location}: not a Verity log (the schema holds {tables} tables but no log table)");
        }

        if (marked == 0 && !create)
        {
            throw new LogStoreException($"{Location}: no such log (schema {_schema} has no log table)");
        }

        if (marked == 0)
        {
            await using var ddl = new NpgsqlCommand(
                $"""
                CREATE SCHEMA IF NOT EXISTS "{_schema}";
                CREATE TABLE {Table("log")} (one boolean PRIMARY KEY DEFAULT true CHECK (one), format integer NOT NULL, size bigint NOT NULL CHECK (size >= 0));
                CREATE TABLE {Table("entries")} (idx bigint PRIMARY KEY CHECK (idx >= 0), data bytea NOT NULL, leaf_hash bytea NOT NULL);
                CREATE TABLE {Table("hashes")} (level integer NOT NULL CHECK (level > 0), idx bigint NOT NULL CHECK (idx >= 0), hash bytea NOT NULL, PRIMARY KEY (level, idx));
                CREATE TABLE {Table("sequences")} (party text PRIMARY KEY, sequence bigint NOT NULL);
                CREATE TABLE {Table("notes")} (name text PRIMARY KEY, text text NOT NULL);
                INSERT INTO {Table("log")} (format, size) VALUES ({Format}, 0);
                """, connection, transaction);
            await ddl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await using var version = new NpgsqlCommand($"SELECT format FROM {Table("log")}", connection, transaction);
            var format = await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (format is not Format)
            {
                throw LogStoreException.Corrupt(Location, $"log format {format ?? "missing"}, expected {Format}");
            }

            if (notes == 0)
            {
                // A log made before notes were kept beside it: add their table (the log's own layout is unchanged).
                await using var ddl = new NpgsqlCommand($"CREATE TABLE {Table("notes")} (name text PRIMARY KEY, text text NOT NULL)", connection, transaction);
                await ddl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private string Table(string name) => $"\"{_schema}\".{name}";

    // Every call goes through here: a pooled connection, and the one place driver errors become store errors.
    private async Task<T> Run<T>(Func<NpgsqlConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await action(connection).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Translate(e);
        }
    }

    private LogStoreException Translate(NpgsqlException e) => (e as PostgresException)?.SqlState switch
    {
        // Writers are serialized on the size row, so a duplicate key is a batch that repeats a node (or a size row
        // behind its rows); the transaction is rolled back either way.
        UniqueViolation => new LogStoreException(
            $"{Location}: the batch writes a row that already exists ({(e as PostgresException)?.Detail ?? e.Message}); nothing was stored", e),
        DataCorrupted or IndexCorrupted => LogStoreException.Corrupt(Location, e.Message, e),
        InvalidSchemaName or UndefinedTable => new LogStoreException($"{Location}: the log's tables are gone: {e.Message}", e),
        _ => new LogStoreException($"{Location}: {e.Message}", e),
    };

    private Sha256Hash ReadHash(NpgsqlDataReader reader, int ordinal, string what) =>
        ReadBytes(reader, ordinal, what) is { Length: Sha256Hash.Length } bytes ? Sha256Hash.FromBytes(bytes)
            : throw LogStoreException.Corrupt(Location, $"{what} is not {Sha256Hash.Length} bytes");

    private byte[] ReadBytes(NpgsqlDataReader reader, int ordinal, string what) =>
        reader.IsDBNull(ordinal) ? throw LogStoreException.Corrupt(Location, $"{what} is null") : reader.GetFieldValue<byte[]>(ordinal);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
