using Verity.Record.Log;
using Verity.Record.Postgres.Tests.Storage;
using Verity.Record.Storage;

namespace Verity.Record.Postgres.Tests;

/// <summary>The PostgreSQL example of docs/trust.md, run: if the code or the page changes, this fails.</summary>
public sealed class DocsExampleTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly string Page = File.ReadAllText(FindDocs());

    [Fact]
    public async Task PostgresSection_OpenExample_RunsAndMessagesAreAsDocumented()
    {
        using (var store = await PostgresLogStore.OpenAsync(fixture.ConnectionString, schema: "us_log", create: true))
        {
            var log = await StatementLog.OpenAsync(store);

            Assert.Equal(0, await store.GetSizeAsync());
            Assert.NotNull(log);
        }

        var missing = await Assert.ThrowsAsync<LogStoreException>(() => PostgresLogStore.OpenAsync(fixture.ConnectionString, "uk_log"));

        Assert.Contains("schema: \"us_log\", create: true);\nvar log = await StatementLog.OpenAsync(store);", Page, StringComparison.Ordinal);
        Assert.Contains("uk_log: no such log", missing.Message, StringComparison.Ordinal);
        Assert.Contains("(`…/us_log: no such log`)", Page, StringComparison.Ordinal);
    }

    private static string FindDocs()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "trust.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/trust.md not found above the test assembly");
    }
}
