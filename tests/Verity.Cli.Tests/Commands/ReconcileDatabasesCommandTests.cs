using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary>
/// The receiving side of an exchange: the United States' databases written by <c>exchange --out</c>, read back by
/// <c>reconcile --databases</c>, each test changing one thing in the files.
/// </summary>
public sealed class ReconcileDatabasesCommandTests : IDisposable
{
    private const string At = "2012-03-31";
    private static readonly string[] Dates = ["2011-02-05", "2011-09-01", "2012-03-01"];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "verity-databases-" + Guid.NewGuid().ToString("N"));

    public ReconcileDatabasesCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ExchangeOut_Us20110901_WritesTheCanonicalBytesWithTheReportedHash()
    {
        var file = Path.Combine(_directory, "us.json");

        var run = await RunAsync("exchange", "--at", "2011-09-01", "--party", "US", "--out", file, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), json.RootElement.GetProperty("sha256").GetString());
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Equal((byte)'}', bytes[^1]);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_directory).Select(Path.GetFileName)); // no temporary left
    }

    [Fact]
    public async Task ExchangeOut_WithoutParty_ExitsTwoWritingNothing()
    {
        var file = Path.Combine(_directory, "both.json");

        var run = await RunAsync("exchange", "--at", "2011-09-01", "--out", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--party", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task ExchangeOut_WithDiffFrom_ExitsTwoWritingNothing()
    {
        var file = Path.Combine(_directory, "us.json");

        var run = await RunAsync("exchange", "--at", "2011-09-01", "--party", "US", "--diff-from", "2011-02-05", "--out", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Reconcile_TwoFilesAsOfOneDate_ExitsTwoNamingBoth()
    {
        await ExportAsync();
        var copy = Path.Combine(_directory, "z-copy.json");
        File.Copy(DatabaseFile("2011-09-01"), copy);

        var run = await RunAsync("reconcile", "--party", "US", "--at", At, "--databases", _directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{copy}: as_of: a second database as of 2011-09-01: {DatabaseFile("2011-09-01")} is as of the same date", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Reconcile_DatabasesAsExported_ExitsZeroWithNoFindings()
    {
        await ExportAsync();

        var (run, party) = await ReconcileAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(party.GetProperty("findings").EnumerateArray());
        Assert.Equal(3, party.GetProperty("databases").GetInt32());
    }

    [Fact]
    public async Task Reconcile_AtBeforeSomeDatabases_LeavesTheLaterOnesOutAndSaysSo()
    {
        await ExportAsync();

        var json = await RunAsync("reconcile", "--party", "US", "--at", "2011-06-01", "--databases", _directory, "--json");
        var text = await RunAsync("reconcile", "--party", "US", "--at", "2011-06-01", "--databases", _directory);

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var party = document.RootElement.GetProperty("parties").EnumerateArray().Single();
        Assert.Empty(party.GetProperty("findings").EnumerateArray());
        Assert.Equal(1, party.GetProperty("databases").GetInt32());
        Assert.Equal(["2011-09-01", "2012-03-01"], document.RootElement.GetProperty("databases_after_at").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Left out, dated after 2011-06-01: 2 database(s) of --databases (2011-09-01, 2012-03-01).", string.Join(' ', text.Out.Split('\n').Select(l => l.Trim())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_OneItemsLocationEditedInTheLastFile_ExitsOneNamingTheUid()
    {
        await ExportAsync();
        var file = DatabaseFile("2012-03-01");
        var database = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        var category = database["categories"]!.AsArray().First(c => c!["items"] is JsonArray { Count: > 1 } items
            && items.Select(i => (string)i!["location"]!).Distinct().Count() > 1)!;
        var items = category["items"]!.AsArray();
        var item = items[0]!;
        var elsewhere = items.Select(i => (string)i!["location"]!).First(l => l != (string)item["location"]!);
        var uid = (string)item["uid"]!;
        item["location"] = elsewhere; // the numbers by location are left as they were: only the item is changed
        await File.WriteAllTextAsync(file, database.ToJsonString());

        var (run, party) = await ReconcileAsync();

        Assert.Equal(1, run.ExitCode);
        var findings = party.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(uid, f.GetProperty("subject").GetString()));
        Assert.All(findings, f => Assert.Equal("2012-03-01", f.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task Reconcile_DatabasesAsExportedAsText_SaysNoFindingsWithoutMarkup()
    {
        await ExportAsync();

        var run = await RunAsync("reconcile", "--party", "US", "--at", At, "--databases", _directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("US: 3 databases and", run.Out, StringComparison.Ordinal);
        Assert.Contains("reconciled — no findings", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("[green]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_CorruptFile_ExitsTwoNamingItAndReconcilesNothing()
    {
        await ExportAsync();
        var file = DatabaseFile("2011-09-01");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text[..(text.Length / 2)]);

        var run = await RunAsync("reconcile", "--party", "US", "--at", At, "--databases", _directory, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}:1:", run.Error, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Reconcile_AnotherPartysFile_ExitsTwoNamingIt()
    {
        await ExportAsync();
        var russian = Path.Combine(_directory, "ru-2011-09-01.json");
        Assert.Equal(0, (await RunAsync("exchange", "--at", "2011-09-01", "--party", "RU", "--out", russian)).ExitCode);

        var run = await RunAsync("reconcile", "--party", "US", "--at", At, "--databases", _directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{russian}: party: a database of RU, but --party is US", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_DatabasesWithoutParty_ExitsTwo()
    {
        await ExportAsync();

        var run = await RunAsync("reconcile", "--at", At, "--databases", _directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--party", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Docs_ItemMovedExample_IsWhatTheCommandPrints()
    {
        await ExportAsync();
        await EditAsync("2012-03-01", database =>
        {
            var item = database["categories"]![0]!["items"]![0]!;
            Assert.Equal(("US-ICBM-MM3-0001", "Malmstrom AFB"), ((string)item["uid"]!, (string)item["location"]!));
            item["location"] = "F.E. Warren AFB";
        });
        var docs = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "docs", "notifications.md"));

        var run = await RunAsync("reconcile", "--party", "US", "--at", At, "--databases", _directory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("$ verity reconcile --party US --at 2012-03-31 --databases received/us\n", docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Contains(line.TrimEnd() + "\n", docs.ReplaceLineEndings("\n"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Docs_BadFileExample_IsWhatTheCommandPrints()
    {
        await ExportAsync();
        await EditAsync("2012-03-01", database =>
        {
            database["categories"]![0]!["items"]![17]!["status"] = "retired";
            database["categories"]![2]!["count"] = (long)database["categories"]![2]!["count"]! + 1;
        });
        var docs = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "docs", "exchange.md"));

        var run = await RunAsync("reconcile", "--party", "US", "--at", At, "--databases", _directory);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Replace(_directory, ".", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Contains(line.TrimEnd() + "\n", docs.ReplaceLineEndings("\n"), StringComparison.Ordinal));
    }

    private async Task EditAsync(string date, Action<JsonObject> edit)
    {
        var file = DatabaseFile(date);
        var database = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        edit(database);
        await File.WriteAllTextAsync(file, database.ToJsonString());
    }

    private string DatabaseFile(string date) => Path.Combine(_directory, $"us-{date}.json");

    private async Task ExportAsync()
    {
        foreach (var date in Dates)
        {
            var run = await RunAsync("exchange", "--at", date, "--party", "US", "--out", DatabaseFile(date));
            Assert.Equal(0, run.ExitCode);
        }
    }

    private async Task<(CliRun Run, JsonElement Party)> ReconcileAsync()
    {
        var run = await RunAsync("reconcile", "--party", "US", "--at", At, "--databases", _directory, "--json");
        Assert.True(run.ExitCode != 2, run.Error);
        var party = JsonDocument.Parse(run.Out).RootElement.GetProperty("parties").EnumerateArray().Single().Clone();
        return (run, party);
    }
}
