using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

public class TreatyCommandTests
{
    [Fact]
    public async Task Check_BundledNewStart_ExitsZeroAndSummarizes()
    {
        var run = await RunAsync("treaty", "check", "new-start");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok ", run.Out, StringComparison.Ordinal);
        Assert.Contains("new-start.yaml: New START, 2 parties, 3 limits, 1 interpretation(s), expiry 2026-02-05", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Check_NewStartAsJson_NamesItsLimitsAndInterpretations()
    {
        var run = await RunAsync("treaty", "check", Path.Combine(DataDirectory, "treaties", "new-start.yaml"), "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(["deployed", "warheads", "launchers"], json.RootElement.GetProperty("limits").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["ru-2022"], json.RootElement.GetProperty("interpretations").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("start-i")]
    [InlineData("sort")]
    public async Task Check_OtherBundledTreaties_ExitZero(string name)
    {
        var run = await RunAsync("treaty", "check", name);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Check_BadFile_ExitsTwoWithFileLineColumnLines()
    {
        var path = Vector("treaties", "unknown-group.yaml");

        var run = await RunAsync("treaty", "check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                $"{path}:20:21: limits[0].scope.group: unknown group 'east': define it under groups",
                $"{path}:28:16: interpretations[0].overlays[0].limit: unknown limit 'warheads': the treaty's limits are deployed",
            ],
            lines);
    }

    [Fact]
    public async Task Check_MissingFile_ExitsTwoNamingIt()
    {
        var run = await RunAsync("treaty", "check", "no-such-treaty.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("no-such-treaty.yaml: cannot read the file given to treaty check: no such file", run.Error.Trim());
    }

    [Fact]
    public async Task Schema_PrintsTheTreatySchema()
    {
        var run = await RunAsync("treaty", "schema");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Verity treaty definition", json.RootElement.GetProperty("title").GetString());
    }
}
