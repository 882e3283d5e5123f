using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary>Draft treaties (data/treaties/drafts/) through treaty check, treaty list and comply --entry-into-force.</summary>
public class DraftTreatyCommandTests
{
    private static readonly string Warheads = Vector("inventories", "pifer-warheads.csv");

    [Theory]
    [InlineData("new-start-observance")]
    [InlineData("pifer-2010")]
    [InlineData("aca-2025")]
    [InlineData("russia-single-fist")]
    [InlineData("trilateral-equal")]
    public async Task Check_BundledDraftByName_ExitsZeroAsAProposal(string name)
    {
        var run = await RunAsync("treaty", "check", name, "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal(name, json.RootElement.GetProperty("treaty").GetString());
        Assert.Equal("proposal", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_NamesTheBundledTreatiesAndTheDrafts()
    {
        var run = await RunAsync("treaty", "list", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var rows = json.RootElement.GetProperty("treaties").EnumerateArray()
            .Select(t => (t.GetProperty("name").GetString(), t.GetProperty("status").GetString()))
            .ToList();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(("new-start", "treaty"), rows);
        Assert.Contains(("pifer-2010", "proposal"), rows);
        Assert.Equal(5, rows.Count(r => r.Item2 == "proposal"));
    }

    [Fact]
    public async Task Comply_PiferOnAHandMadeWarheadInventory_CountsTotalsWithoutRetiredAndDeployedStrategic()
    {
        // US: 3 deployed strategic + 1 deployed non-strategic + 2 stored = 6 (the retired W84 is outside); 3 deployed strategic.
        // RU: 1 deployed + 2 stored = 3 (the dismantled one is outside); 1 deployed strategic.
        var run = await RunAsync("comply", "--treaty", "pifer-2010", "--inventory", Warheads, "--at", "2034-02-05", "--entry-into-force", "2027-02-05", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var limits = json.RootElement.GetProperty("parties").EnumerateArray().ToDictionary(
            p => p.GetProperty("party").GetString()!,
            p => p.GetProperty("limits").EnumerateArray().ToDictionary(
                l => l.GetProperty("id").GetString()!,
                l => (l.GetProperty("value").GetInt64(), l.GetProperty("max").GetInt64(), l.GetProperty("status").GetString())));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal((6L, 2500L, "within"), limits["US"]["total"]);
        Assert.Equal((3L, 1000L, "within"), limits["US"]["deployed-strategic"]);
        Assert.Equal((3L, 2500L, "within"), limits["RU"]["total"]);
        Assert.Equal((1L, 1000L, "within"), limits["RU"]["deployed-strategic"]);
    }

    [Fact]
    public async Task Comply_PiferBeforeSevenYearsAfterEntryIntoForce_IsNotYetInEffect()
    {
        var run = await RunAsync("comply", "--treaty", "pifer-2010", "--inventory", Warheads, "--at", "2034-02-04", "--entry-into-force", "2027-02-05", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("in force", json.RootElement.GetProperty("standing").GetString());
        Assert.All(
            json.RootElement.GetProperty("parties").EnumerateArray().SelectMany(p => p.GetProperty("limits").EnumerateArray()),
            l => Assert.Equal("not-yet-in-effect", l.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Comply_OneThousandAndOneDeployedStrategicWarheads_ExitsOne()
    {
        // One line per kind of holding, with its quantity: 1,001 deployed strategic is over 1,000; 1,001 + 1,400 stored = 2,401 is within 2,500.
        var path = Path.Combine(Path.GetTempPath(), $"verity-pifer-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["uid,party,kind,type,status,warheads,location,quantity", "RU-D,RU,warhead,RS-24,deployed,1,Kozelsk,1001", "RU-S,RU,warhead,RS-24,stored,1,Kozelsk,1400"]);
        try
        {
            var run = await RunAsync("comply", "--treaty", "pifer-2010", "--inventory", path, "--at", "2034-02-05", "--entry-into-force", "2027-02-05");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("│ Deployed strategic warheads                                                           │           │   1,001 │ 1,000 │     -1 │ EXCEEDS │", run.Out, StringComparison.Ordinal);
            Assert.Contains("2,401 │ 2,500 │     99 │ within", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Comply_DraftWithoutEntryIntoForce_ExitsTwoNamingTheOption()
    {
        var run = await RunAsync("comply", "--treaty", "pifer-2010", "--inventory", Warheads, "--at", "2034-02-05");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("--entry-into-force: pifer-2010 is a draft with no date of entry into force", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_TreatyInForceWithEntryIntoForce_ExitsTwo()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Vector("inventories", "within.csv"), "--entry-into-force", "2027-02-05");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--entry-into-force: new-start is not a draft: it entered into force on 2011-02-05", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_FreezeWithoutLevels_ShowsNoCeilingAndExitsZero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verity-aca-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["uid,party,kind,type,status,warheads,location", "CN-1,CN,warhead,DF-41,stored,1,Base", "CN-2,CN,warhead,DF-41,deployed,1,Base"]);
        try
        {
            var run = await RunAsync("comply", "--treaty", "aca-2025", "--inventory", path, "--at", "2028-01-01", "--entry-into-force", "2027-02-05", "--json");

            using var json = JsonDocument.Parse(run.Out);
            var freeze = json.RootElement.GetProperty("parties")[0].GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "stockpile-freeze-cn");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(2, freeze.GetProperty("value").GetInt64());
            Assert.Equal(JsonValueKind.Null, freeze.GetProperty("max").ValueKind);
            Assert.Equal("no-ceiling", freeze.GetProperty("status").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Comply_TimelineOfADraftWithoutEntryIntoForce_ExitsTwo()
    {
        var run = await RunAsync("comply", "--treaty", "trilateral-equal", "--inventory", Warheads, "--from", "2027-01-01", "--to", "2030-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--entry-into-force", run.Error, StringComparison.Ordinal);
    }
}
