using Verity.Record.Postgres;
using Verity.Record.Sqlite;
using Verity.Record.Storage;

namespace Verity.Node.Logs;

/// <summary>Where a node keeps its logs: SQLite files by default (its own log in <c>--db</c>, each mirror beside it),
/// or one PostgreSQL database with a schema per log when <c>--postgres</c> is given.</summary>
public static class LogStores
{
    /// <summary>Opens (creating if need be) the store of <paramref name="logParty"/>'s log on the node of <paramref name="options"/>.</summary>
    /// <exception cref="NodeOptionsException">The file or database cannot be opened, or is not a Verity log.</exception>
    public static ILogStore Open(NodeOptions options, string logParty)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Postgres is { } connection)
        {
            var schema = SchemaOf(options.Party, logParty);
            try
            {
                return PostgresLogStore.OpenAsync(connection, schema, create: true).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is LogStoreException or ArgumentException or Npgsql.NpgsqlException)
            {
                throw new NodeOptionsException($"--postgres: schema {schema}: {e.Message}", e);
            }
        }

        var path = FileOf(options, logParty);
        try
        {
            return SqliteLogStore.Open(path, create: true);
        }
        catch (Exception e) when (e is LogStoreException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new NodeOptionsException($"--db: {path}: {e.Message}", e);
        }
    }

    /// <summary>The SQLite file of a log: <c>--db</c> itself for the node's own log, <c>us.mirror-ru.db</c> beside it for a mirror.</summary>
    public static string FileOf(NodeOptions options, string logParty)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (logParty == options.Party)
        {
            return options.DbFile;
        }

        var directory = Path.GetDirectoryName(options.DbFile) ?? "";
        var name = Path.GetFileNameWithoutExtension(options.DbFile);
        var extension = Path.GetExtension(options.DbFile);
        return Path.Combine(directory, $"{name}.mirror-{logParty.ToLowerInvariant()}{(extension.Length > 0 ? extension : ".db")}");
    }

    /// <summary>The PostgreSQL schema of a log: <c>verity_&lt;node&gt;_&lt;log&gt;</c>, lowercase.</summary>
    public static string SchemaOf(string nodeParty, string logParty) =>
        $"verity_{nodeParty.ToLowerInvariant()}_{logParty.ToLowerInvariant()}";
}
