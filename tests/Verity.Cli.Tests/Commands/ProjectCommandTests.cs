using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary><c>verity project</c> and <c>verity parity</c> over testdata/forces/projections-estimates.csv (figures worked by hand in its README).</summary>
public class ProjectCommandTests
{
    private static readonly string Estimates = Vector("forces", "projections-estimates.csv");

    private static Task<CliRun> Project(params string[] args) => RunAsync([.. WithDefaults("project", args, ("--state", "CN"), ("--measure", "stockpile"), ("--estimates", Estimates))]);

    private static Task<CliRun> Parity(params string[] args) => RunAsync([.. WithDefaults("parity", args, ("--state", "CN"), ("--against", "US"), ("--measure", "stockpile"), ("--estimates", Estimates))]);

    /// <summary>The verb, the arguments given, and each default option the arguments do not give.</summary>
    private static IEnumerable<string> WithDefaults(string verb, string[] args, params (string Option, string Value)[] defaults)
    {
        yield return verb;
        foreach (var (option, value) in defaults.Where(d => !args.Contains(d.Option)))
        {
            yield return option;
            yield return value;
        }

        foreach (var arg in args)
        {
            yield return arg;
        }
    }

    [Fact]
    public async Task Project_Trend_TableSaysProjectedAndNamesModelSeedAndRows()
    {
        var run = await Project("--to", "2030", "--trials", "1000");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Contains("CN stockpile, projected by 'trend'", run.Out, StringComparison.Ordinal);
        Assert.Contains("seed 2026, 1,000 trials", run.Out, StringComparison.Ordinal);
        Assert.Contains("Projected, not measured.", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ 2030\s+│\s+872 │", run.Out); // 452 + 60 × 7
        Assert.Contains("projections-estimates.csv:6: 600 as of 2025-01-01 (estimate) https://fas.org/publication/nuclear-notebook-china-2025", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_DodJson_PointsThroughTheAnchorsAndTheContractFields()
    {
        var run = await Project("--model", "dod-2024-china", "--to", "2036", "--trials", "2000", "--seed", "9", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("CN", "stockpile", "dod-2024-china", 9L, 2000), (root.GetProperty("state").GetString(), root.GetProperty("measure").GetString(), root.GetProperty("model").GetString(), root.GetProperty("seed").GetInt64(), root.GetProperty("trials").GetInt32()));
        Assert.True(root.GetProperty("projected").GetBoolean());
        Assert.NotEmpty(root.GetProperty("assumptions").EnumerateArray());
        var points = root.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("year").GetInt32());
        Assert.Equal(Enumerable.Range(2025, 12), points.Keys);
        Assert.Equal(680, points[2026].GetProperty("central").GetDouble()); // 600 → 1,000 over five years: +80
        Assert.Equal(1000, points[2030].GetProperty("central").GetDouble());
        Assert.Equal(1600, points[2036].GetProperty("central").GetDouble()); // +100 a year after 1,500 in 2035
        foreach (var p in points.Values)
        {
            Assert.True(p.GetProperty("p10").GetDouble() <= p.GetProperty("p50").GetDouble() && p.GetProperty("p50").GetDouble() <= p.GetProperty("p90").GetDouble());
        }

        Assert.EndsWith("projections-estimates.csv:6", root.GetProperty("rows")[0].GetProperty("origin").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_SameSeed_SameBytes_OtherSeed_Differs()
    {
        var first = await Project("--trials", "500", "--seed", "3", "--json");
        var again = await Project("--trials", "500", "--seed", "3", "--json");
        var other = await Project("--trials", "500", "--seed", "4", "--json");

        Assert.Equal(first.Out, again.Out);
        Assert.NotEqual(first.Out, other.Out);
    }

    [Theory]
    [InlineData("--trials", "0", "--trials: 0 is out of range: expected 1 to 1,000,000")]
    [InlineData("--trials", "1000001", "--trials: 1000001 is out of range")]
    [InlineData("--to", "2020", "--to: 2020 is before the data: CN stockpile's latest estimate is as of 2025-01-01, so a projection starts in 2025")]
    [InlineData("--model", "guess", "--model: unknown model 'guess': expected one of dod-2024-china, dod-2021-china, sipri-100-a-year, trend-10y, freeze, trend-5y, hold, trend, anchored, rate, cap")]
    [InlineData("--measure", "bombs", "--measure: 'bombs' is not a measure")]
    [InlineData("--state", "China", "--state: 'China' is not a state code")]
    [InlineData("--trials", "many", "'many'")]
    public async Task Project_BadOption_ExitsTwoNamingTheOption(string option, string value, string expected)
    {
        var run = await Project(option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Project_StateWithoutEstimates_ExitsTwoNamingTheState()
    {
        var run = await RunAsync("project", "--state", "IN", "--measure", "stockpile", "--estimates", Estimates);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--state: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("has no estimate of IN stockpile", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_VariantForAnotherState_ExitsTwoNamingTheVariant()
    {
        var run = await RunAsync("project", "--state", "US", "--measure", "stockpile", "--model", "dod-2024-china", "--estimates", Estimates);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("projections.yaml:9: model dod-2024-china: US stockpile: the model 'dod-2024-china' needs a state in [CN]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_TrendOverOnePoint_ExitsTwoSayingWhatItNeeds()
    {
        var run = await RunAsync("project", "--state", "US", "--measure", "stockpile", "--estimates", Estimates);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--model: model trend: US stockpile: the model 'trend' needs at least 2 estimates", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_MissingEstimatesFile_ExitsTwoNamingTheOption()
    {
        var run = await Project("--estimates", "no-such-file.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read the file given to --estimates: no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parity_RateAgainstHold_CentralYearAndTrialPercentiles()
    {
        // CN 600 (drawn on [550, 650]) + 100 a year (drawn on [90, 110]) against US 1,700 exactly: central
        // 600 + 100 k ≥ 1,700 at k = 11, 2036. The trials spread around it: the early case no later, the late case no earlier.
        var run = await Parity("--model", "sipri-100-a-year", "--against-model", "hold", "--trials", "5000", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("CN", "US", "stockpile"), (root.GetProperty("state").GetString(), root.GetProperty("against").GetString(), root.GetProperty("measure").GetString()));
        Assert.Equal(2036, root.GetProperty("year").GetInt32());
        Assert.InRange(root.GetProperty("year_p10").GetInt32(), 2034, 2036);
        Assert.InRange(root.GetProperty("year_p90").GetInt32(), 2036, 2038);
    }

    [Fact]
    public async Task Parity_NeverBeforeTheHorizon_NullAndASentence()
    {
        var text = await Parity("--model", "trend", "--against-model", "hold", "--trials", "1000");
        var json = await Parity("--model", "trend", "--against-model", "hold", "--trials", "1000", "--json");

        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("year").ValueKind); // 452 + 60 × 17 = 1,472 < 1,700 in 2040
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("year_p90").ValueKind);
        Assert.Contains("CN's projected stockpile does not reach US's before 2040 on the central path", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parity_ModelNotForTheOtherState_ExitsTwoNamingTheOptionGiven()
    {
        var model = await Parity("--model", "dod-2024-china");
        var against = await Parity("--against-model", "dod-2024-china");

        Assert.Equal(2, model.ExitCode);
        Assert.StartsWith("--model: the model 'dod-2024-china' (", model.Error, StringComparison.Ordinal);
        Assert.Contains("does not apply to US stockpile, which --against takes when --against-model is not given: give --against-model", model.Error, StringComparison.Ordinal);
        Assert.Equal(2, against.ExitCode);
        Assert.StartsWith("--against-model: the model 'dod-2024-china' (", against.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parity_AgainstItself_ExitsTwo()
    {
        var run = await RunAsync("parity", "--state", "CN", "--against", "CN", "--measure", "stockpile", "--estimates", Estimates);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--against: CN is the --state itself", run.Error, StringComparison.Ordinal);
    }
}
