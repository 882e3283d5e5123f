using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary>
/// <c>verity detect</c>: attribute sampling on the reference's example, a regime on the two-base toy force worked by
/// hand (testdata/README.md, docs/inspections.md) and on the bundled record, what it takes, and every bad option.
/// </summary>
public class DetectCommandTests
{
    private static readonly string TwoBases = Vector("inventories", "two-bases.csv");

    private static string[] Toy(params string[] more) =>
        ["detect", "--treaty", "new-start", "--inventory", TwoBases, "--party", "US", "--at", "2019-06-01", "--quota", "2", "--excess", "1", "--json", .. more];

    private static double Exact(JsonElement pair) => pair.GetProperty("exact").GetDouble();

    [Fact]
    public async Task Detect_ReferenceExampleJson_ExactAndIaeaSamplesSideBySide()
    {
        var run = await RunAsync("detect", "--population", "1000", "--defects", "10", "--goal", "0.95", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal(258, json.RootElement.GetProperty("samples_for_goal").GetInt64());
        Assert.Equal(259, json.RootElement.GetProperty("iaea_samples_for_goal").GetInt64());
        Assert.Equal(258.866, json.RootElement.GetProperty("iaea_samples_real").GetDouble(), 3);
    }

    [Fact]
    public async Task Detect_Samples_TheHypergeometricByHand()
    {
        // N = 10, M = 2, n = 3: 1 − C(8,3)/C(10,3) = 1 − 56/120 = 8/15; IAEA 1 − 0.7² = 0.51.
        var run = await RunAsync("detect", "--population", "10", "--defects", "2", "--samples", "3", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(8.0 / 15, json.RootElement.GetProperty("p_detect").GetDouble(), 12);
        Assert.Equal(0.51, json.RootElement.GetProperty("p_detect_iaea_approx").GetDouble(), 12);
        Assert.Equal(0.95, json.RootElement.GetProperty("goal").GetDouble());
    }

    [Fact]
    public async Task Detect_SamplesShortOfTheGoalGiven_ExitsOne()
    {
        var run = await RunAsync("detect", "--population", "1000", "--defects", "10", "--samples", "257", "--goal", "0.95");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("fall short", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_TenMillion_Table()
    {
        var run = await RunAsync("detect", "--population", "10000000", "--defects", "500", "--samples", "46000");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("N = 10,000,000 items, M = 500 defective", run.Out, StringComparison.Ordinal);
        Assert.Contains("0.900277 exact", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--defects", "--population", "10", "--defects", "11")]
    [InlineData("--samples", "--population", "10", "--defects", "1", "--samples", "11")]
    [InlineData("--goal", "--population", "10", "--defects", "1", "--goal", "1")]
    [InlineData("--goal", "--population", "10", "--defects", "1", "--goal", "0")]
    [InlineData("--population", "--population", "-1", "--defects", "0")]
    [InlineData("--defects", "--population", "10", "--defects", "-1")]
    [InlineData("--samples", "--population", "10", "--defects", "1", "--samples", "-2")]
    [InlineData("--excess", "--treaty", "new-start", "--party", "US", "--excess", "-3")]
    [InlineData("--spread", "--treaty", "new-start", "--party", "US", "--excess", "3", "--spread", "4")]
    [InlineData("--quota", "--treaty", "new-start", "--party", "US", "--excess", "3", "--quota", "-1")]
    [InlineData("--years", "--treaty", "new-start", "--party", "US", "--excess", "3", "--years", "0")]
    [InlineData("--trials", "--treaty", "new-start", "--party", "US", "--excess", "3", "--trials", "0")]
    [InlineData("--per-inspection", "--treaty", "new-start", "--party", "US", "--excess", "3", "--per-inspection", "0")]
    [InlineData("--placement", "--treaty", "new-start", "--party", "US", "--excess", "3", "--placement", "clumped")]
    [InlineData("--party", "--treaty", "new-start", "--excess", "3")]
    [InlineData("--inspection", "--treaty", "new-start", "--party", "US", "--excess", "3", "--inspection", "type-nine")]
    [InlineData("--population", "--population", "10", "--defects", "1", "--treaty", "new-start")]
    [InlineData("--population", "--excess", "3")]
    [InlineData("--trials", "--treaty", "new-start", "--party", "US", "--at", "2020-09-01", "--excess", "3", "--quota", "100000", "--trials", "100000")]
    public async Task Detect_BadInput_ExitsTwoNamingTheOption(string option, params string[] args)
    {
        var run = await RunAsync(["detect", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{option}: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("concentrated", 0.125)] // at Base B: 1/4 + 1/2 × 7/8 + 1/4 × 3/4 = 7/8 missed
    [InlineData("random", 0.2)] // 2/10 × 1/2 + 8/10 × 1/8, or 1 − C(9,2)/C(10,2)
    public async Task Detect_TwoBaseToy_AsWorkedByHand(string placement, double expected)
    {
        var run = await RunAsync(Toy("--placement", placement));

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var sites = json.RootElement.GetProperty("model").GetProperty("sites").EnumerateArray().Select(s => (s.GetProperty("site").GetString(), s.GetProperty("missiles").GetInt32(), s.GetProperty("declared_warheads").GetInt64())).ToList();
        Assert.Equal([("Base A", 2, 2L), ("Base B", 8, 32L)], sites);
        Assert.Equal(expected, Exact(json.RootElement.GetProperty("per_year")), 14);
        Assert.Equal("inventory", json.RootElement.GetProperty("forces").GetProperty("basis").GetString());
        Assert.Equal("--quota", json.RootElement.GetProperty("quota").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Detect_TwoBaseToyTwoYears_KeptAgainstMovedAndMonteCarloBeside()
    {
        var kept = await RunAsync(Toy("--years", "2", "--trials", "200000", "--seed", "3"));
        var moved = await RunAsync(Toy("--years", "2", "--reload", "yearly"));

        using var keptJson = JsonDocument.Parse(kept.Out);
        using var movedJson = JsonDocument.Parse(moved.Out);

        // Kept: 1 − [0.2 × (1/2)² + 0.8 × (7/8)²] = 0.3375; moved: 1 − 0.8² = 0.36.
        var overYears = keptJson.RootElement.GetProperty("over_years");
        Assert.Equal(0.3375, Exact(overYears), 14);
        Assert.Equal(0.36, Exact(movedJson.RootElement.GetProperty("over_years")), 14);

        // 200,000 trials: standard deviation √(0.3375 × 0.6625 / 200,000) ≈ 0.00106; within 4 of them.
        Assert.InRange(overYears.GetProperty("monte_carlo").GetDouble(), 0.3375 - 0.0043, 0.3375 + 0.0043);
        Assert.Equal(2, keptJson.RootElement.GetProperty("years").GetArrayLength());
        Assert.Equal(3, keptJson.RootElement.GetProperty("seed").GetInt64());
    }

    [Fact]
    public async Task Detect_AfterTheTreatyExpired_TheFirstLineSaysSoBesideItsTreatyYear()
    {
        var after = await RunAsync("detect", "--treaty", "new-start", "--party", "US", "--at", "2026-12-04", "--excess", "50", "--trials", "1000");
        var during = await RunAsync("detect", "--treaty", "new-start", "--party", "US", "--at", "2020-09-01", "--excess", "50", "--trials", "1000");

        // The first sentence, its lines joined again (the harness's console is 80 columns wide).
        static string First(string output) => string.Join(' ', output.Split('\n').TakeWhile(l => !l.StartsWith("Quota:", StringComparison.Ordinal)).Select(l => l.Trim()));
        Assert.EndsWith("treaty year 16 (expired on that date: the figures are what its quota would give)", First(after.Out), StringComparison.Ordinal);
        Assert.EndsWith("treaty year 10", First(during.Out), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_Record_TheUsDatabaseOfSeptember2020AndTheTypeOneQuota()
    {
        // 397 Minuteman III at three bases and 230 Trident II at two: 627 missiles. With a random placement and no base
        // run out, one year's 10 inspections are attribute sampling: 1 − C(577,10)/C(627,10).
        var run = await RunAsync("detect", "--treaty", "new-start", "--party", "US", "--at", "2020-09-01", "--excess", "50", "--trials", "20000", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        var root = json.RootElement;
        Assert.Equal(627, root.GetProperty("model").GetProperty("missiles").GetInt64());
        Assert.Equal(5, root.GetProperty("model").GetProperty("sites").GetArrayLength());
        Assert.Equal(("type-one", 10, 10), (root.GetProperty("quota").GetProperty("type").GetString(), root.GetProperty("quota").GetProperty("per_year").GetInt32(), root.GetProperty("treaty_year").GetInt32()));
        Assert.Equal("synthetic", root.GetProperty("forces").GetProperty("basis").GetString());
        Assert.Contains("illustrative", root.GetProperty("forces").GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(Product(627, 50, 10), Exact(root.GetProperty("per_year")), 12);
        Assert.Contains(root.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.StartsWith("Site choice:", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("paused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detect_GoalNotReached_ExitsOneWithWhatItTakes()
    {
        var run = await RunAsync("detect", "--treaty", "new-start", "--party", "US", "--at", "2020-09-01", "--excess", "50", "--trials", "1000", "--goal", "0.9", "--json");

        using var json = JsonDocument.Parse(run.Out);

        // The smallest n with 1 − C(577,n)/C(627,n) ≥ 0.9, one missile per inspection; and 3 missiles a visit at 10 visits (30 ≥ 28).
        Assert.Equal(1, run.ExitCode);
        var goal = json.RootElement.GetProperty("goal");
        Assert.False(goal.GetProperty("reached").GetBoolean());
        Assert.Equal(28, goal.GetProperty("inspections_per_year").GetInt32());
        Assert.True(Product(627, 50, 28) >= 0.9 && Product(627, 50, 27) < 0.9);
        Assert.Equal(3, goal.GetProperty("missiles_per_inspection").GetInt32());
    }

    [Fact]
    public async Task Detect_Table_ShowsSitesYearsAssumptionsAndTheBasis()
    {
        var run = await RunAsync(["detect", "--treaty", "new-start", "--inventory", TwoBases, "--party", "US", "--at", "2019-06-01", "--quota", "2", "--excess", "1", "--placement", "concentrated", "--years", "2"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Base B", run.Out, StringComparison.Ordinal);
        Assert.Contains("0.125", run.Out, StringComparison.Ordinal);
        Assert.Contains("0.234375", run.Out, StringComparison.Ordinal); // 1 − (7/8)²
        Assert.Contains("Assumptions", run.Out, StringComparison.Ordinal);
        Assert.Contains("Forces: inventory", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_At80Columns_NoLineLongerNoFigureOrIntervalSplit()
    {
        var run = await CliHarness.RunAtWidthAsync(80, "detect", "--treaty", "new-start", "--party", "US", "--at", "2020-09-01", "--excess", "50", "--years", "2", "--trials", "20000");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= 80, $"{line.TrimEnd().Length} columns: {line}"));
        // Each year's exact figure and its Monte Carlo interval stay on the line of their row.
        Assert.Contains(lines, l => l.Contains("the year", StringComparison.Ordinal) && l.Contains("0.567135", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, @"\[0\.\d+, 0\.\d+\]"));
        Assert.Contains(lines, l => l.Contains("by its end", StringComparison.Ordinal) && l.Contains("0.812615", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detect_Help_HasOptionsAndExamples()
    {
        var run = await RunAsync("detect", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--population", run.Out, StringComparison.Ordinal);
        Assert.Contains("--spread", run.Out, StringComparison.Ordinal);
        Assert.Contains("verity detect --treaty new-start", run.Out[run.Out.IndexOf("Examples:", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_ReferenceExample_PrintsTheLinesTheDocsShow()
    {
        var shown = DocsText.Block(DocsText.Read("inspections.md"), "console", "**The reference's example**").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var run = await RunAsync(shown[0].TrimStart('$', ' ').Split(' ')[1..]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(shown[1..], run.Out.Split('\n').Take(shown.Length - 1).Select(l => l.TrimEnd()));
    }

    /// <summary>1 − C(D − k, n) / C(D, n) as the product Π (1 − k / (D − i)), independent of the code under test.</summary>
    private static double Product(int missiles, int loaded, int counted)
    {
        double none = 1;
        for (var i = 0; i < counted; i++)
        {
            none *= 1 - ((double)loaded / (missiles - i));
        }

        return 1 - none;
    }
}
