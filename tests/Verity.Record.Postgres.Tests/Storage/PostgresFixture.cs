using Npgsql;
using Verity.Record.Postgres;
using Verity.Record.Storage;
using Verity.Record.Tests.Storage;

namespace Verity.Record.Postgres.Tests.Storage;

/// <summary>A fresh database on the server <c>VERITY_TEST_POSTGRES</c> names, one schema per store, dropped at the end.
/// Without the variable every test fails, naming it: these tests never pass without a server.</summary>
public sealed class PostgresFixture : IStoreFixture
{
    /// <summary>The environment variable holding the test server's connection string.</summary>
    public const string Variable = "VERITY_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _database = $"verity_test_{Guid.NewGuid():N}";
    private int _stores;

    public PostgresFixture()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server
            : throw new InvalidOperationException(
                $"set {Variable} to a PostgreSQL connection string (such as Host=127.0.0.1;Username=postgres;Password=verity); .ci/run starts a server");
        Admin($"CREATE DATABASE \"{_database}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();
    }

    /// <summary>The fixture's own database.</summary>
    public string ConnectionString { get; }

    public ILogStore Create() =>
        PostgresLogStore.OpenAsync(ConnectionString, $"log_{Interlocked.Increment(ref _stores)}", create: true).GetAwaiter().GetResult();

    public ILogStore Reopen(ILogStore store)
    {
        var schema = Assert.IsType<PostgresLogStore>(store).Schema;
        store.Dispose();
        return PostgresLogStore.OpenAsync(ConnectionString, schema).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
