using Npgsql;
using Verity.Node.Logs;
using Verity.Node.Tests;
using Verity.Record.Postgres.Tests.Storage;

namespace Verity.Record.Postgres.Tests.Node;

/// <summary>Nodes started with <c>--postgres</c>: their own logs and mirrors in schemas of one real PostgreSQL
/// database, replicating over loopback HTTP and keeping everything across a restart (the mirrors' latest checkpoints too).</summary>
public sealed class PostgresNodeTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task TwoNodesOnPostgres_Replicate_AndKeepTheirLogsAcrossARestart()
    {
        await using var cluster = await NodeCluster.StartOnAsync(fixture.ConnectionString, NodeCluster.NewStart, "US", "RU");
        await cluster.SubmitAsync("US", 5);
        await cluster.SubmitAsync("RU", 3);
        await cluster.RoundAsync();

        var mirror = cluster.Service<LogDirectory>("US").Mirrors["RU"];
        Assert.Equal(3, await mirror.Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
        Assert.Contains("verity_us_ru", mirror.Log.Store.Location, StringComparison.Ordinal);
        Assert.Equal(
            await cluster.Service<Verity.Node.PartyLog>("RU").ReadAsync(m => m.RootAsync(), CancellationToken.None),
            await mirror.Log.ReadAsync(m => m.RootAsync(), CancellationToken.None));
        var latest = mirror.Latest!.ToString();

        await cluster.StopNodeAsync("US");
        await cluster.StartNodeAsync("US");
        Assert.Equal(5, await cluster.Service<Verity.Node.PartyLog>("US").ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));
        Assert.Equal(3, await cluster.Service<LogDirectory>("US").Mirrors["RU"].Log.ReadAsync(m => Task.FromResult(m.Size), CancellationToken.None));

        // The party's signed checkpoint, kept beside the mirror, is served again before any round.
        using (var client = cluster.Client("US"))
        {
            Assert.Equal(latest, await client.GetStringAsync(new Uri("logs/RU/checkpoint", UriKind.Relative)));
        }

        // Four schemas, one per log per node; no SQLite file was written.
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(schema_name, ',' ORDER BY schema_name) FROM information_schema.schemata WHERE schema_name LIKE 'verity\\_%'", connection);
        Assert.Equal("verity_ru_ru,verity_ru_us,verity_us_ru,verity_us_us", await command.ExecuteScalarAsync());
        Assert.False(File.Exists(cluster.DbFile("US")));
    }
}
