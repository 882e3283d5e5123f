using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

public class ExchangeCommandTests
{
    private static JsonElement Database(JsonDocument json, string party) =>
        json.RootElement.GetProperty("databases").EnumerateArray().Single(d => d.GetProperty("party").GetString() == party).GetProperty("database");

    private static long Aggregate(JsonElement database, string limit) =>
        database.GetProperty("aggregates").EnumerateArray().Single(a => a.GetProperty("limit").GetString() == limit).GetProperty("value").GetInt64();

    private static Dictionary<string, long> Counts(JsonElement database) =>
        database.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("count").GetInt64());

    [Fact]
    public async Task Exchange_Us20200901Json_HasThePublishedAggregatesAndTheExchange()
    {
        var run = await RunAsync("exchange", "--at", "2020-09-01", "--party", "US", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var exchange = json.RootElement.GetProperty("exchange");
        Assert.Equal(("update", 19, "2020-03-01", "2020-09-01", "2020-10-01"), (
            exchange.GetProperty("kind").GetString(),
            exchange.GetProperty("number").GetInt32(),
            exchange.GetProperty("period_start").GetString(),
            exchange.GetProperty("as_of").GetString(),
            exchange.GetProperty("due").GetString()));
        var entry = Assert.Single(json.RootElement.GetProperty("databases").EnumerateArray());
        Assert.Matches("^[0-9a-f]{64}$", entry.GetProperty("sha256").GetString());
        var database = entry.GetProperty("database");
        Assert.Equal((675L, 1457L, 800L), (Aggregate(database, "deployed"), Aggregate(database, "warheads"), Aggregate(database, "launchers")));
        Assert.Equal(397, Counts(database)["deployed-icbms"]);
        Assert.Equal(
            ["aggregates", "as_of", "categories", "facilities", "party", "treaty", "warheads"],
            database.EnumerateObject().Select(p => p.Name));
        var icbm = database.GetProperty("categories")[0].GetProperty("items")[0];
        Assert.Equal(["kind", "location", "status", "type", "uid", "warheads"], icbm.EnumerateObject().Select(p => p.Name));
        Assert.False(json.RootElement.TryGetProperty("diffs", out _));
    }

    [Fact]
    public async Task Exchange_InitialDatabase_BothPartiesWithTheirPublishedAggregates()
    {
        var run = await RunAsync("exchange", "--at", "2011-02-05", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("initial", json.RootElement.GetProperty("exchange").GetProperty("kind").GetString());
        Assert.Equal("2011-03-22", json.RootElement.GetProperty("exchange").GetProperty("due").GetString());
        Assert.Equal(1800, Aggregate(Database(json, "US"), "warheads"));
        Assert.Equal(1537, Aggregate(Database(json, "RU"), "warheads"));
    }

    [Fact]
    public async Task Exchange_Table_ShowsEachPartysCountsWarheadsByBaseAndFacilities()
    {
        var run = await RunAsync("exchange", "--at", "2020-09-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("New START database of US as of 2020-09-01 (update 19: period 2020-03-01 to 2020-08-31, due 2020-10-01)", run.Out, StringComparison.Ordinal);
        Assert.Contains("New START database of RU as of 2020-09-01", run.Out, StringComparison.Ordinal);
        Assert.Contains("Aggregate numbers (Part Two, Section I)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Warheads (Part Two, Section II)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Facilities (Part Two: facilities)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ Deployed ICBMs +│ Part Two: ICBMs and ICBM launchers +│ +397 │", run.Out);
        Assert.Matches(@"sha256 [0-9a-f]{64}", run.Out);
    }

    [Fact]
    public async Task Exchange_SameArgumentsTwice_ByteIdenticalJson()
    {
        var first = await RunAsync("exchange", "--at", "2018-09-01", "--json");
        var second = await RunAsync("exchange", "--at", "2018-09-01", "--json");

        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public async Task Exchange_DiffFrom_ChangesAreTheDifferenceOfTheTwoDatabases()
    {
        var diffRun = await RunAsync("exchange", "--at", "2020-09-01", "--party", "US", "--diff-from", "2020-03-01", "--json");
        var earlierRun = await RunAsync("exchange", "--at", "2020-03-01", "--party", "US", "--json");

        using var json = JsonDocument.Parse(diffRun.Out);
        using var earlierJson = JsonDocument.Parse(earlierRun.Out);

        Assert.Equal(0, diffRun.ExitCode);
        Assert.Equal("2020-03-01", json.RootElement.GetProperty("diff_from").GetProperty("as_of").GetString());
        var diff = Assert.Single(json.RootElement.GetProperty("diffs").EnumerateArray());
        Assert.Equal(("US", "2020-03-01", "2020-09-01"), (diff.GetProperty("party").GetString(), diff.GetProperty("from").GetString(), diff.GetProperty("to").GetString()));
        var before = Counts(Database(earlierJson, "US"));
        var after = Counts(Database(json, "US"));
        var changes = diff.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("delta").GetInt64());
        Assert.All(after, c => Assert.Equal(c.Value - before[c.Key], changes.GetValueOrDefault(c.Key)));
        var deployed = diff.GetProperty("aggregates").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "deployed");
        Assert.Equal((655L, 675L), (deployed.GetProperty("before").GetInt64(), deployed.GetProperty("after").GetInt64()));
        Assert.All(diff.GetProperty("changed").EnumerateArray(), c => Assert.NotEqual(0, c.GetProperty("fields").GetArrayLength()));
        Assert.True(diff.GetProperty("changed").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Exchange_DiffFromTable_ListsTheItemChanges()
    {
        var run = await RunAsync("exchange", "--at", "2020-09-01", "--party", "US", "--diff-from", "2020-03-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Changes for US from 2020-03-01 to 2020-09-01: \d+ item\(s\) added, \d+ removed, \d+ changed", run.Out);
        Assert.Matches(@"│ deployed +│ +655 │ +675 │ +\+20 │", run.Out);
        Assert.Matches(@"US-[A-Z0-9-]+: (added|removed|status|location|warheads|type)", run.Out);
    }

    [Fact]
    public async Task Exchange_InventoryExportedFromTheRecord_SameDatabaseAndHash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verity-exchange-{Guid.NewGuid():N}.csv");
        try
        {
            var export = await RunAsync("replay", "new-start", "--export-inventory", path, "--at", "2022-03-01");
            var fromInventory = await RunAsync("exchange", "--treaty", "new-start", "--inventory", path, "--at", "2022-03-01", "--party", "US", "--json");
            var fromRecord = await RunAsync("exchange", "--at", "2022-03-01", "--party", "US", "--json");

            using var inventoryJson = JsonDocument.Parse(fromInventory.Out);
            using var recordJson = JsonDocument.Parse(fromRecord.Out);

            Assert.Equal(0, export.ExitCode);
            Assert.Equal(0, fromInventory.ExitCode);
            var hash = inventoryJson.RootElement.GetProperty("databases")[0].GetProperty("sha256").GetString();
            Assert.Equal(recordJson.RootElement.GetProperty("databases")[0].GetProperty("sha256").GetString(), hash);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("2020-09-02", "2020-09-01 (update 19) and 2021-03-01 (update 20)")]
    [InlineData("2011-03-01", "2011-02-05 (initial) and 2011-09-01 (update 1)")]
    [InlineData("2018-02-05", "2017-09-01 (update 13) and 2018-03-01 (update 14)")]
    [InlineData("2026-03-01", "no longer in force on 2026-03-01 (from 2026-02-05); the nearest is 2025-09-01 (update 29)")]
    [InlineData("2010-09-01", "the nearest is 2011-02-05 (initial)")]
    public async Task Exchange_NotAnExchangeDate_Exits2NamingTheNearestDates(string at, string expected)
    {
        var run = await RunAsync("exchange", "--at", at);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("--at: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("--at: 'first of March' is not a date", "--at", "first of March")]
    [InlineData("--party: unknown party 'FR'", "--at", "2020-09-01", "--party", "FR")]
    [InlineData("--diff-from: 2021-03-01 is not before --at 2020-09-01", "--at", "2020-09-01", "--diff-from", "2021-03-01")]
    [InlineData("--diff-from: 2020-06-01 is not a date", "--at", "2020-09-01", "--diff-from", "2020-06-01")]
    [InlineData("--record: unknown record 'inf'", "--at", "2020-09-01", "--record", "inf")]
    [InlineData("--record: --record and --treaty/--inventory are two sources", "--at", "2020-09-01", "--record", "new-start", "--treaty", "new-start")]
    [InlineData("--inventory: --treaty and --inventory go together", "--at", "2020-09-01", "--treaty", "new-start")]
    [InlineData("--treaty: --treaty and --inventory go together", "--at", "2020-09-01", "--inventory", "x.csv")]
    [InlineData("--diff-from: a diff needs the items at two dates", "--at", "2020-09-01", "--treaty", "new-start", "--inventory", "x.csv", "--diff-from", "2020-03-01")]
    [InlineData("no-such.yaml: cannot read the file given to --exchange", "--at", "2020-09-01", "--exchange", "no-such.yaml")]
    public async Task Exchange_BadInput_Exits2NamingTheOptionAndWritesNothing(string expected, params string[] args)
    {
        var run = await RunAsync(["exchange", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Exchange_WithoutAt_Exits2()
    {
        var run = await RunAsync("exchange", "--party", "US");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--at", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Exchange_InventoryFileMissing_Exits2NamingTheFile()
    {
        var run = await RunAsync("exchange", "--treaty", "new-start", "--inventory", Vector("inventories", "no-such.csv"), "--at", "2022-03-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such.csv: cannot read the file given to --inventory: no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_DataFolderWithoutExchangeDefinition_Exits2NamingTheExpectedFile()
    {
        var data = Path.Combine(Path.GetTempPath(), $"verity-exchange-data-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(data, "treaties"));
            File.Copy(Path.Combine(DataDirectory, "treaties", "new-start.yaml"), Path.Combine(data, "treaties", "new-start.yaml"));

            var run = await RunInAsync(data, "exchange", "--treaty", "new-start", "--inventory", Vector("inventories", "within.csv"), "--at", "2022-03-01");

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("--exchange: no exchange definition for treaty 'new-start'", run.Error, StringComparison.Ordinal);
            Assert.Contains(Path.Combine("exchanges", "new-start.yaml"), run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Help_ListsExchange()
    {
        var run = await RunAsync("--help");

        Assert.Contains("exchange", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_ExampleOutput_IsWhatTheCommandPrints()
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "docs", "exchange.md"));
        var run = await RunAsync("exchange", "--at", "2020-09-01", "--party", "US", "--diff-from", "2020-03-01");
        var error = await RunAsync("exchange", "--at", "2020-09-02");

        const string Prompt = "$ verity exchange --at 2020-09-01 --party US --diff-from 2020-03-01\n";
        var example = docs[(docs.IndexOf(Prompt, StringComparison.Ordinal) + Prompt.Length)..];
        var shown = example[..example.IndexOf("  … and ", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(shown.Length > 60, $"{shown.Length} lines of example");
        Assert.All(shown, line => Assert.Contains(line.TrimEnd(), run.Out, StringComparison.Ordinal));
        Assert.Contains(error.Error.TrimEnd(), docs, StringComparison.Ordinal);
    }
}
