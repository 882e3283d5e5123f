using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

public class ComplyForcesCommandTests
{
    private static Dictionary<string, Dictionary<string, long>> Values(JsonElement root) =>
        root.GetProperty("parties").EnumerateArray().ToDictionary(
            p => p.GetProperty("party").GetString()!,
            p => p.GetProperty("limits").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("value").GetInt64()));

    [Fact]
    public async Task Comply_ForcesUnitedStatesUnderNewStart_CountsTheStructureFile()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--forces", "US", "--at", "2025-01-01", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        // data/forces/structures/us.yaml: 400 + 230 + 36 + 12; 400 + 970 + 36 + 12; 450 + 280 + 46 + 20.
        Assert.Equal(new Dictionary<string, long> { ["deployed"] = 678, ["warheads"] = 1418, ["launchers"] = 796 }, Values(json.RootElement)["US"]);
        var forces = json.RootElement.GetProperty("forces");
        Assert.Equal(5177, forces.GetProperty("left_out").EnumerateArray().Sum(i => i.GetProperty("quantity").GetInt64()));
        Assert.All(forces.GetProperty("items").EnumerateArray(), i => Assert.Equal("estimate", i.GetProperty("basis").GetString()));
    }

    [Fact]
    public async Task Comply_ForcesTable_SaysWhatWasBuiltAndLeftOut()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--forces", "US,RU", "--at", "2025-01-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Forces built for US, RU as of 2025-01-01", run.Out, StringComparison.Ordinal);
        Assert.Contains("basis estimate", run.Out, StringComparison.Ordinal);
        Assert.Contains("illustrative", run.Out, StringComparison.Ordinal);
        // New START has no kind warhead: US 1,770 + 1,930 + 1,477 and RU 1,710 + 2,591 + 1,150 warheads are left out.
        Assert.Contains("left out: 10,628 warhead", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_ForcesUnderAWarheadTreaty_CountsStockpileAsDeployedPlusStored()
    {
        var run = await RunAsync("comply", "--treaty", Vector("forces", "warhead-cap.yaml"), "--forces", "US,CN", "--at", "2025-01-01", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(1, run.ExitCode); // the U.S. stockpile of 3,700 exceeds the cap of 2,500
        var values = Values(json.RootElement);
        Assert.Equal((3700L, 1770L), (values["US"]["stockpile"], values["US"]["deployed-warheads"]));
        Assert.Equal((600L, 24L), (values["CN"]["stockpile"], values["CN"]["deployed-warheads"]));
    }

    [Fact]
    public async Task Comply_ForcesAfterTheLatestReference_LabelsThemProjected()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--forces", "US", "--at", "2026-01-01", "--json");

        using var json = JsonDocument.Parse(run.Out);

        var forces = json.RootElement.GetProperty("forces");
        Assert.All(forces.GetProperty("items").EnumerateArray(), i => Assert.Equal("projected", i.GetProperty("basis").GetString()));
        Assert.Contains("held flat", forces.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--forces", "CN", "--at", "2025-01-01" }, "--forces: CN is not a party to New START")]
    [InlineData(new[] { "--forces", "XX", "--at", "2025-01-01" }, "--forces: 'XX' is not an assigned")]
    [InlineData(new[] { "--forces", "US", "--inventory", "x.csv" }, "--forces: give exactly one of --inventory FILE and --forces STATES")]
    [InlineData(new[] { "--at", "2025-01-01" }, "--inventory: give exactly one of")]
    [InlineData(new[] { "--forces", "US", "--from", "2020-01-01", "--to", "2025-01-01" }, "--forces: built forces are counted on one date")]
    public async Task Comply_BadForcesUse_ExitsTwoNamingTheOption(string[] args, string message)
    {
        var run = await RunAsync(["comply", "--treaty", "new-start", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_ForcesUnderATreatyWithoutTheirKinds_ExitsTwoNamingEachKind()
    {
        var run = await RunAsync("comply", "--treaty", Vector("forces", "icbm-only.yaml"), "--forces", "US", "--at", "2025-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--treaty: icbm-only lacks kind 'slbm' (or 'warhead'), which the forces of US need", run.Error, StringComparison.Ordinal);
        Assert.Contains("lacks kind 'heavy-bomber'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_ForcesWithBadEstimates_ExitsTwoNamingTheFile()
    {
        var bad = Vector("forces", "bad-estimates.csv");

        var run = await RunAsync("comply", "--treaty", "new-start", "--forces", "US", "--at", "2025-01-01", "--estimates", bad);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{bad}:3:1: state:", run.Error, StringComparison.Ordinal);
    }
}
