using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

public class ReplayCommandTests
{
    private static readonly string[] Measures = ["deployed", "warheads", "launchers"];

    [Fact]
    public async Task Replay_NewStartJson_PublishedEqualsComputedWhereverPublished()
    {
        var run = await RunAsync("replay", "new-start", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        var points = json.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.True(points.Count > 40, $"{points.Count} points");
        var compared = 0;
        foreach (var point in points)
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", point.GetProperty("date").GetString());
            Assert.Contains(point.GetProperty("party").GetString(), new[] { "US", "RU" });
            var published = point.GetProperty("published");
            var computed = point.GetProperty("computed");
            Assert.Equal(Measures, published.EnumerateObject().Select(p => p.Name));
            Assert.Equal(Measures, computed.EnumerateObject().Select(p => p.Name));
            foreach (var measure in Measures)
            {
                Assert.Equal(JsonValueKind.Number, computed.GetProperty(measure).ValueKind);
                if (published.GetProperty(measure).ValueKind != JsonValueKind.Null)
                {
                    compared++;
                    Assert.Equal(published.GetProperty(measure).GetInt64(), computed.GetProperty(measure).GetInt64());
                }
            }
        }

        Assert.True(compared > 100, $"compared {compared}");
        Assert.Equal(compared, json.RootElement.GetProperty("compared").GetInt32());
        Assert.Equal(compared, json.RootElement.GetProperty("matched").GetInt32());
    }

    [Fact]
    public async Task Replay_Ru2022Json_UsLaunchersOn20220301Are901ExceedingBesideTheAgreed800Within()
    {
        var run = await RunAsync("replay", "new-start", "--interpretation", "ru-2022", "--json");

        using var json = JsonDocument.Parse(run.Out);

        var point = json.RootElement.GetProperty("points").EnumerateArray()
            .Single(p => p.GetProperty("date").GetString() == "2022-03-01" && p.GetProperty("party").GetString() == "US");
        Assert.Equal(901, point.GetProperty("computed").GetProperty("launchers").GetInt64());
        Assert.Equal("exceeds", point.GetProperty("status").GetProperty("launchers").GetString());
        Assert.Equal(800, point.GetProperty("agreed").GetProperty("launchers").GetInt64());
        Assert.Equal("within", point.GetProperty("agreed_status").GetProperty("launchers").GetString());
        Assert.False(point.TryGetProperty("ru-2022", out _));
    }

    [Fact]
    public async Task Replay_Ru2022Text_StatusNamesTheReadingsExcessBesideTheAgreedStatus()
    {
        var run = await RunAsync("replay", "new-start", "--interpretation", "ru-2022");

        var row = run.Out.Split('\n').Single(l => l.Contains("2022-03-01", StringComparison.Ordinal) && l.Contains("US", StringComparison.Ordinal));
        Assert.Contains("901", row, StringComparison.Ordinal);
        Assert.Contains("ru-2022: launchers", row, StringComparison.Ordinal);
        Assert.Contains("EXCEEDS", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_Out_WritesIndexHtml()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"verity-replay-{Guid.NewGuid():N}");
        try
        {
            var run = await RunAsync("replay", "new-start", "--out", directory);

            Assert.Equal(0, run.ExitCode);
            var index = Path.Combine(directory, "index.html");
            Assert.True(File.Exists(index));
            Assert.Contains("New START", await File.ReadAllTextAsync(index), StringComparison.Ordinal);
            Assert.Contains("index.html", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Replay_Table_ReportsEveryFigureMatched()
    {
        var run = await RunAsync("replay", "new-start");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Published figures matched: (\d+) of \1;", run.Out);
        Assert.Matches(@"published breakdowns matched: (\d+) of \1\.", run.Out);
    }

    [Fact]
    public async Task Replay_UnknownRecord_ExitsTwoNamingTheKnownOnes()
    {
        var run = await RunAsync("replay", "abm");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal("RECORD: unknown record 'abm': known records are new-start", run.Error.Trim());
    }

    [Fact]
    public async Task Replay_UnknownInterpretation_ExitsTwo()
    {
        var run = await RunAsync("replay", "new-start", "--interpretation", "us-2022");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith("--interpretation: unknown interpretation 'us-2022'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_DataWhoseTreatyLeavesTestLaunchersOut_ExitsOneAndMarksTheMisses()
    {
        var data = Path.Combine(Path.GetTempPath(), $"verity-data-{Guid.NewGuid():N}");
        try
        {
            foreach (var file in Directory.GetFiles(DataDirectory, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(data, Path.GetRelativePath(DataDirectory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var treatyPath = Path.Combine(data, "treaties", "new-start.yaml");
            await File.WriteAllTextAsync(treatyPath, (await File.ReadAllTextAsync(treatyPath))
                .Replace("{ kind: [icbm-launcher, slbm-launcher], status: [deployed, non-deployed, test] }", "{ kind: [icbm-launcher, slbm-launcher], status: [deployed, non-deployed] }", StringComparison.Ordinal));

            var run = await RunInAsync(data, "replay", "new-start");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("✗", run.Out, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"Published figures matched: (\d+) of \1;", run.Out);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ExportInventory_Party_WritesOnlyItsItemsAndSaysHowMany()
    {
        var file = Path.Combine(Path.GetTempPath(), $"verity-export-{Guid.NewGuid():N}.csv");
        try
        {
            var run = await RunAsync("replay", "new-start", "--export-inventory", file, "--at", "2022-03-01", "--party", "US");

            var rows = (await File.ReadAllLinesAsync(file)).Skip(1).ToList();
            Assert.Equal(0, run.ExitCode);
            Assert.All(rows, r => Assert.Equal("US", r.Split(',')[1]));
            Assert.Contains($"wrote {rows.Count:N0} items (US {rows.Count:N0}) as of 2022-03-01 to {file}", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Replay_PartyWithoutExport_Exit2NamingIt()
    {
        var run = await RunAsync("replay", "new-start", "--party", "US");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--party: --party goes with --export-inventory", run.Error, StringComparison.Ordinal);
    }
}
