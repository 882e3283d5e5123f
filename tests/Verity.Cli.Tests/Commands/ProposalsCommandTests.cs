using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary><c>verity proposals list|compare</c> on the bundled drafts, with figures worked by hand (testdata/README.md).</summary>
public class ProposalsCommandTests
{
    private static readonly string Sipri = Vector("forces", "sipri-2025.csv");

    private static JsonElement Limit(JsonElement root, string draft, string limit, string scope) =>
        root.GetProperty("drafts").EnumerateArray().Single(d => d.GetProperty("id").GetString() == draft)
            .GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("id").GetString() == limit && l.GetProperty("scope").GetString() == scope);

    [Fact]
    public async Task List_Json_NamesEveryBundledDraftWithItsSourceAndVariants()
    {
        var run = await RunAsync("proposals", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        var drafts = JsonDocument.Parse(run.Out).RootElement.GetProperty("drafts").EnumerateArray().ToList();
        Assert.Equal(["aca-2025", "new-start-observance", "pifer-2010", "russia-single-fist", "trilateral-equal"], drafts.Select(d => d.GetProperty("id").GetString()));
        Assert.All(drafts, d => Assert.StartsWith("http", d.GetProperty("source").GetString(), StringComparison.Ordinal));
        var fist = drafts.Single(d => d.GetProperty("id").GetString() == "russia-single-fist");
        Assert.Equal(["china-with-russia"], fist.GetProperty("variants").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Compare_SipriStockpilesHeld_CutsAndGroupSumsWorkedByHand()
    {
        var run = await RunAsync("proposals", "compare", "--draft", "pifer-2010", "--draft", "russia-single-fist", "--draft", "russia-single-fist:china-with-russia",
            "--at", "2025", "--model", "hold", "--estimates", Sipri, "--entry-into-force", "2017-01-01", "--trials", "500", "--json");

        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal((2025, "hold"), (root.GetProperty("at").GetInt32(), root.GetProperty("model").GetString()));
        var us = Limit(root, "pifer-2010", "total", "US");
        var ru = Limit(root, "pifer-2010", "total", "RU");
        Assert.Equal((2500, 3700, 1200, "exceeds"), (us.GetProperty("max").GetInt32(), us.GetProperty("p50").GetInt32(), us.GetProperty("cut").GetInt32(), us.GetProperty("status").GetString()));
        Assert.Equal((4309, 1809, -1809), (ru.GetProperty("p50").GetInt32(), ru.GetProperty("cut").GetInt32(), ru.GetProperty("margin").GetInt32()));
        Assert.Equal("RU", root.GetProperty("drafts")[0].GetProperty("must_cut_most").GetString());
        Assert.Equal(4215, Limit(root, "russia-single-fist", "stockpile-west", "group:west").GetProperty("p50").GetInt32());
        Assert.Equal(4309, Limit(root, "russia-single-fist", "stockpile-east", "group:east").GetProperty("p50").GetInt32());
        Assert.Equal(4909, Limit(root, "russia-single-fist:china-with-russia", "stockpile-east", "group:east").GetProperty("p50").GetInt32());
    }

    [Fact]
    public async Task Compare_BundledData_EveryDraftAndVariantWithTheContractFields()
    {
        var run = await RunAsync("proposals", "compare", "--trials", "300", "--json");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(2030, root.GetProperty("at").GetInt32());
        var drafts = root.GetProperty("drafts").EnumerateArray().ToList();
        Assert.Equal(6, drafts.Count);
        foreach (var limit in drafts.SelectMany(d => d.GetProperty("limits").EnumerateArray()))
        {
            foreach (var field in new[] { "id", "scope", "max", "p10", "p50", "p90", "margin", "cut", "breaks_in", "status" })
            {
                Assert.True(limit.TryGetProperty(field, out _), $"limit {limit} lacks {field}");
            }

            if (limit.GetProperty("p50").ValueKind == JsonValueKind.Number)
            {
                Assert.True(limit.GetProperty("p10").GetDouble() <= limit.GetProperty("p50").GetDouble() && limit.GetProperty("p50").GetDouble() <= limit.GetProperty("p90").GetDouble());
            }
        }

        // Russia's one-year offer has run out by 2030.
        Assert.All(drafts.Single(d => d.GetProperty("id").GetString() == "new-start-observance").GetProperty("limits").EnumerateArray(),
            l => Assert.Equal("expired", l.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Compare_SameSeed_GivesTheSameBytes()
    {
        string[] args = ["proposals", "compare", "--draft", "trilateral-equal", "--trials", "400", "--seed", "11", "--json"];

        var first = await RunAsync(args);
        var second = await RunAsync(args);
        var other = await RunAsync([.. args[..^3], "--seed", "12", "--json"]);

        Assert.Equal(first.Out, second.Out);
        Assert.NotEqual(first.Out, other.Out);
        Assert.Contains("\"seed\": 11", first.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_Table_SaysProjectedAndNamesTheModelSeedAndEntryIntoForce()
    {
        var run = await RunAsync("proposals", "compare", "--draft", "pifer-2010", "--trials", "200", "--seed", "5");

        Assert.Contains("projected forces — not measured", run.Out, StringComparison.Ordinal);
        Assert.Contains("seed 5", run.Out, StringComparison.Ordinal);
        Assert.Contains("assumed to enter into force on 2027-02-05", run.Out, StringComparison.Ordinal);
        Assert.Contains("Must cut most: RU", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_At80Columns_NoLineLongerAndNoIdOrStatusCut()
    {
        var run = await RunAtWidthAsync(80, "proposals", "compare", "--trials", "200");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Contains("deployed-strategic", run.Out, StringComparison.Ordinal);
        Assert.Contains("not-yet-in-effect", run.Out, StringComparison.Ordinal);
        Assert.Contains("stockpile-west", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_OutUnderAFile_Exit2BeforeAnyWork()
    {
        var file = Path.GetTempFileName();
        try
        {
            var run = await RunAsync("proposals", "compare", "--draft", "russia-single-fist", "--trials", "200", "--out", Path.Combine(file, "report"));

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"--out: {file} is a file, so no folder can be made under it", run.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Out);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Compare_Out_WritesTheReportWithFanChartsAndADraftChart()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"verity-proposals-{Guid.NewGuid():N}");
        try
        {
            var run = await RunAsync("proposals", "compare", "--draft", "russia-single-fist", "--trials", "200", "--out", folder);

            var html = await File.ReadAllTextAsync(Path.Combine(folder, "index.html"));
            Assert.Contains("index.html", run.Out, StringComparison.Ordinal);
            Assert.Contains("id=\"fan-US-stockpile-title\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"chart-russia-single-fist-stockpile-west-title\"", html, StringComparison.Ordinal);
            Assert.Contains("projected, not measured", html, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("--at", "1900", "--at: 1900 is out of range")]
    [InlineData("--draft", "no-such-draft", "'no-such-draft' is neither a bundled draft nor a file: the bundled drafts are aca-2025, new-start-observance, pifer-2010, russia-single-fist, trilateral-equal")]
    [InlineData("--draft", "russia-single-fist:no-variant", "'no-variant' is not a variant of russia-single-fist: its variants are china-with-russia")]
    [InlineData("--model", "no-model", "--model: unknown model 'no-model'")]
    [InlineData("--entry-into-force", "2027-13-01", "--entry-into-force")]
    [InlineData("--trials", "0", "--trials: 0 is out of range")]
    public async Task Compare_BadOption_ExitsTwoNamingIt(string option, string value, string message)
    {
        var run = await RunAsync("proposals", "compare", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}
