using System.Text.Json;
using NodaTime;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

public class ComplyCommandTests
{
    private static readonly string Within = Vector("inventories", "within.csv");
    private static readonly string Over = Vector("inventories", "over-deployed.csv");

    /// <summary>party → limit id → (value, max, status), read from the contract fields only.</summary>
    private static Dictionary<string, Dictionary<string, (long Value, long Max, string Status)>> Limits(JsonElement root) =>
        root.GetProperty("parties").EnumerateArray().ToDictionary(
            p => p.GetProperty("party").GetString()!,
            p => p.GetProperty("limits").EnumerateArray().ToDictionary(
                l => l.GetProperty("id").GetString()!,
                l => (l.GetProperty("value").GetInt64(), l.GetProperty("max").GetInt64(), l.GetProperty("status").GetString()!)));

    [Fact]
    public async Task Comply_WithinLimits_ExitsZero()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, "--at", "2019-01-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Contains("New START as of 2019-01-01 (agreed reading): treaty in force", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_OverALimit_ExitsOneAndShowsExceeds()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Over, "--at", "2019-01-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("EXCEEDS", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_OverALimitBeforeItTakesEffect_ExitsZero()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Over, "--at", "2015-01-01", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((701L, 700L, "not-yet-in-effect"), Limits(json.RootElement)["US"]["deployed"]);
    }

    [Fact]
    public async Task Comply_Json_HasTheContractFieldsWithHandCountedValues()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, "--at", "2019-01-01", "--json");

        using var json = JsonDocument.Parse(run.Out);

        var root = json.RootElement;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("new-start", root.GetProperty("treaty").GetString());
        Assert.Equal("2019-01-01", root.GetProperty("at").GetString());
        Assert.Equal("agreed", root.GetProperty("interpretation").GetString());
        var limits = Limits(root);
        Assert.Equal(["US", "RU"], limits.Keys);
        Assert.Equal(["deployed", "warheads", "launchers"], limits["US"].Keys);
        Assert.Equal((6L, 700L, "within"), limits["US"]["deployed"]);
        Assert.Equal((13L, 1550L, "within"), limits["US"]["warheads"]);
        Assert.Equal((5L, 800L, "within"), limits["US"]["launchers"]);
        Assert.Equal((3L, 700L, "within"), limits["RU"]["deployed"]);
        Assert.Equal((9L, 1550L, "within"), limits["RU"]["warheads"]);
        Assert.Equal((4L, 800L, "within"), limits["RU"]["launchers"]);
    }

    [Fact]
    public async Task Comply_Ru2022Json_AddsTheTrainingSiloAndConvertedItemsToUsLaunchers()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, "--at", "2019-01-01", "--interpretation", "ru-2022", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal("ru-2022", json.RootElement.GetProperty("interpretation").GetString());
        Assert.Equal((8L, 800L, "within"), Limits(json.RootElement)["US"]["launchers"]);
        Assert.Equal((4L, 800L, "within"), Limits(json.RootElement)["RU"]["launchers"]);
    }

    [Fact]
    public async Task Comply_PartyJson_ReportsOnlyThatParty()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, "--at", "2019-01-01", "--party", "RU", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(["RU"], Limits(json.RootElement).Keys);
    }

    [Fact]
    public async Task Comply_RussiaSuspendedJson_ShowsSuspendedForRussiaOnly()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, "--at", "2023-03-01", "--json");

        using var json = JsonDocument.Parse(run.Out);

        var limits = Limits(json.RootElement);
        Assert.All(limits["RU"].Values, l => Assert.Equal("suspended", l.Status));
        Assert.All(limits["US"].Values, l => Assert.Equal("within", l.Status));
    }

    [Theory]
    [InlineData(2019, 6, 1, "within")]
    [InlineData(2015, 1, 1, "not-yet-in-effect")]
    [InlineData(2026, 11, 23, "expired")]
    public async Task Comply_WithoutAt_UsesTheClocksDate(int year, int month, int day, string status)
    {
        var today = new LocalDate(year, month, day);

        var run = await RunOnAsync(today, "comply", "--treaty", "new-start", "--inventory", Within, "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(today.ToString("yyyy-MM-dd", null), json.RootElement.GetProperty("at").GetString());
        Assert.Equal(status, Limits(json.RootElement)["US"]["deployed"].Status);
    }

    [Fact]
    public async Task Comply_ExplainJson_NamesTheCountedItems()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, "--at", "2019-01-01", "--party", "US", "--explain", "--json");

        using var json = JsonDocument.Parse(run.Out);

        var launchers = json.RootElement.GetProperty("parties")[0].GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "launchers");
        Assert.Equal(["B2-001", "SILO-001", "SILO-002", "SILO-003", "TUBE-001"], launchers.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("uid").GetString()).Order());
    }

    [Theory]
    [InlineData("--inventory", "no-such-inventory.csv", "no-such-inventory.csv: cannot read the file given to --inventory: no such file")]
    [InlineData("--at", "2019-02-30", "--at: '2019-02-30' is not a date: expected YYYY-MM-DD, such as 2022-03-01")]
    [InlineData("--at", "yesterday", "--at: 'yesterday' is not a date: expected YYYY-MM-DD, such as 2022-03-01")]
    [InlineData("--party", "CN", "--party: unknown party 'CN': New START's parties are US, RU")]
    [InlineData("--party", "usa", "--party: 'usa' is not a party code: expected two capital letters such as \"US\"")]
    [InlineData("--interpretation", "us-2022", "--interpretation: unknown interpretation 'us-2022': New START has agreed, ru-2022")]
    [InlineData("--treaty", "no-such-treaty", "no-such-treaty: cannot read the file given to --treaty: no such file")]
    public async Task Comply_BadInput_ExitsTwoWithTheDiagnosticAndNothingOnStdout(string option, string value, string expected)
    {
        var args = new Dictionary<string, string> { ["--treaty"] = "new-start", ["--inventory"] = Within, ["--at"] = "2019-01-01" };
        args[option] = value;

        var run = await RunAsync(["comply", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(expected, run.Error.Trim());
    }

    [Fact]
    public async Task Comply_BadCsv_ExitsTwoWithFileLineColumnAndNothingOnStdout()
    {
        var path = Vector("inventories", "unknown-kind.csv");

        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", path, "--at", "2019-01-01", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal($"{path}:3:3: kind: unknown kind 'cruise-missile': expected one of icbm, slbm, icbm-launcher, slbm-launcher, heavy-bomber", run.Error.Trim());
    }

    [Fact]
    public async Task Comply_BadTreatyFile_ExitsTwoWithItsDiagnostics()
    {
        var path = Vector("treaties", "unknown-group.yaml");

        var run = await RunAsync("comply", "--treaty", path, "--inventory", Within);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith($"{path}:20:21: limits[0].scope.group: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_Explain_ListsTheCountedItemsUnderEachLimit()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, "--at", "2019-01-01", "--party", "US", "--explain");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("launchers = 5:", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"2\s+2 × icbm-launcher Minuteman III \(deployed\)\s+SILO-001, SILO-002", run.Out);
        Assert.DoesNotContain("SILO-004", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("TUBE-002", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_Timeline_StatusesFollowTheLifecycleAsJson()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, "--from", "2010-02-05", "--to", "2026-02-05", "--every", "P8Y", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var statuses = json.RootElement.GetProperty("timeline").EnumerateArray()
            .Select(r => (r.GetProperty("at").GetString(), r.GetProperty("parties")[0].GetProperty("limits")[0].GetProperty("status").GetString()))
            .ToList();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("2010-02-05", "treaty-not-in-force"), ("2018-02-05", "within"), ("2026-02-05", "expired")], statuses);
    }

    [Theory]
    [InlineData("--from", "2019-01-01")]
    [InlineData("--to", "2019-01-01")]
    public async Task Comply_TimelineWithOneEnd_ExitsTwo(string option, string value)
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from and --to", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Comply_TimelineStepThatDoesNotAdvance_ExitsTwo()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Within, "--from", "2018-01-01", "--to", "2019-01-01", "--every", "P0D");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--every", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_PartyWithNoItems_NoDataNotWithinExit0()
    {
        var inventory = Vector("inventories", "over-deployed.csv"); // U.S. items only

        var table = await RunAsync("comply", "--treaty", "new-start", "--inventory", inventory, "--at", "2022-03-01", "--party", "RU");
        var json = await RunAsync("comply", "--treaty", "new-start", "--inventory", inventory, "--at", "2022-03-01", "--party", "RU", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("no-data", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("within", table.Out.Replace("not within", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(json.Out);
        var party = document.RootElement.GetProperty("parties")[0];
        Assert.False(party.GetProperty("data").GetBoolean());
        Assert.Contains("no items of this party", party.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.All(party.GetProperty("limits").EnumerateArray(), l =>
        {
            Assert.Equal("no-data", l.GetProperty("status").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, l.GetProperty("value").ValueKind);
        });
    }

    [Fact]
    public async Task Comply_SameProblemOnManyRows_SaidOnceWithTheCount()
    {
        var file = Path.Combine(Path.GetTempPath(), $"verity-many-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, ["uid,party,kind,type,status,warheads,location", .. Enumerable.Range(1, 300).Select(i => $"US-X-{i:D4},US,cruise,X,deployed,1,Base")]);
        try
        {
            var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", file, "--at", "2022-03-01");

            Assert.Equal(2, run.ExitCode);
            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Contains(":2:3: kind: unknown kind 'cruise'", lines[0], StringComparison.Ordinal);
            Assert.Contains("(and on 299 more lines: 3, 4, 5, 6, 7, …)", lines[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
