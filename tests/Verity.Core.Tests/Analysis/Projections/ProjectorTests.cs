using Verity.Core.Analysis;
using Verity.Core.Analysis.Projections;
using Verity.Core.Forces;
using static Verity.Core.Tests.Analysis.Projections.HandMadeEstimates;

namespace Verity.Core.Tests.Analysis.Projections;

/// <summary>
/// <see cref="Projector"/>: each model's central path year by year over a hand-made set (computed by hand in the
/// comments), the Monte Carlo against exact percentiles, the seed, and every input a model cannot work with.
/// </summary>
public class ProjectorTests
{
    private static readonly ProjectionOptions Few = new(Horizon: 2040, Trials: 1_000, Seed: 7);

    private static Projection Project(ProjectionModel model, EstimateSet? set = null, ProjectionOptions? options = null, PartyCode? state = null) =>
        Projector.Project(set ?? China(), state ?? Cn, Stockpile, model, options ?? Few);

    private static double[] Central(Projection p) => [.. p.Points.Select(x => x.Central)];

    [Fact]
    public void Project_Trend_LeastSquaresOverTheWindowYearByYear()
    {
        // Window 2015-2025: (2021, 350) (2022, 400) (2023, 410) (2024, 500) (2025, 600); 2010 is outside.
        // 2023 is (400 + 420) / 2 = 410: the 999 of an older edition is superseded; the statement of 5,000 is no count.
        // t̄ = 2023, Σ(t − t̄)² = 4 + 1 + 0 + 1 + 4 = 10, ȳ = 2260 / 5 = 452,
        // Σ(t − t̄) y = −700 − 400 + 0 + 500 + 1200 = 600, slope 60: v(Y) = 452 + 60 (Y − 2023).
        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Trend));

        Assert.Equal(2025, projection.FirstYear);
        Assert.Equal(16, projection.Points.Length);
        var expected = Enumerable.Range(2025, 16).Select(y => 452.0 + (60 * (y - 2023))).ToArray();
        Assert.Equal(expected, Central(projection), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(572, projection[2025].Central, 9);
        Assert.Equal(1472, projection[2040].Central, 9);
    }

    [Fact]
    public void Project_Trend_RowsUsedAreTheWindowsNotTheSupersededOrTheStatement()
    {
        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Trend));

        Assert.Equal(["hand.csv:3", "hand.csv:4", "hand.csv:6", "hand.csv:7", "hand.csv:8", "hand.csv:10"], projection.Rows.Select(r => r.Origin));
    }

    [Fact]
    public void Project_TrendWithShortWindow_FitsOnlyTheLastYears()
    {
        // Window 2 years: (2023, 410) (2024, 500) (2025, 600): t̄ = 2024, ȳ = 503.33, slope (−410 + 600) / 2 = 95.
        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Trend) with { WindowYears = 2 });

        Assert.Equal((410 + 500 + 600) / 3.0 + 95, projection[2025].Central, 9);
        Assert.Equal((410 + 500 + 600) / 3.0 + (95 * 16), projection[2040].Central, 9);
    }

    [Fact]
    public void Project_AnchoredOnParameters_LinearBetweenAnchorsThenTheLastSlope()
    {
        // 600 in 2025 → 1,000 in 2030: +80 a year; → 1,500 in 2035: +100 a year, kept after 2035.
        var model = new ProjectionModel
        {
            Name = "dod",
            Kind = ProjectionKind.Anchored,
            Anchors = [new(2030, 1000, 1000, 1100, "https://example.org/cmpr-2024"), new(2035, 1500, 1350, 1650, "https://example.org/cmpr-2022")],
        };

        var projection = Project(model);

        double[] expected = [600, 680, 760, 840, 920, 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000];
        Assert.Equal(expected, Central(projection), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Project_AnchoredOnRows_ThroughTheOfficialProjectionThenItsSlope()
    {
        // The row 1,000 in 2030: +80 a year from 600 in 2025, and +80 after: 2040 = 1,000 + 10 × 80 = 1,800.
        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Anchored));

        Assert.Equal(600, projection[2025].Central, 9);
        Assert.Equal(840, projection[2028].Central, 9);
        Assert.Equal(1000, projection[2030].Central, 9);
        Assert.Equal(1800, projection[2040].Central, 9);
        Assert.Contains(projection.Rows, r => r.Basis == EstimateBasis.OfficialProjection && r.Origin == "hand.csv:11");
    }

    [Theory]
    [InlineData(RateUnit.PerYear, 100, 2026, 700)]
    [InlineData(RateUnit.PerYear, 100, 2040, 2100)] // 600 + 15 × 100
    [InlineData(RateUnit.PerYear, -50, 2036, 50)] // 600 − 11 × 50
    [InlineData(RateUnit.PerYear, -50, 2040, 0)] // 600 − 15 × 50 = −150: a count is never negative
    [InlineData(RateUnit.Percent, 10, 2027, 726)] // 600 × 1.1²
    public void Project_Rate_FromTheLatestEstimate(RateUnit unit, double rate, int year, double expected)
    {
        var projection = Project(new ProjectionModel { Name = "r", Kind = ProjectionKind.Rate, Rate = rate, RateUnit = unit });

        Assert.Equal(expected, projection[year].Central, 9);
    }

    [Fact]
    public void Project_RateWithoutRate_TheWindowsMeanYearlyChange()
    {
        // (600 − 350) / (2025 − 2021) = 62.5 a year.
        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Rate));

        Assert.Equal(662.5, projection[2026].Central, 9);
        Assert.Equal(600 + (62.5 * 15), projection[2040].Central, 9);
    }

    [Fact]
    public void Project_Hold_FlatAtTheLatestEstimate()
    {
        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Hold));

        Assert.All(projection.Points, p => Assert.Equal(600, p.Central));
        Assert.Equal(600, projection.StartValue);
        Assert.Equal((550, 650), (projection.StartLow, projection.StartHigh));
    }

    [Fact]
    public void Project_Cap_BaseUntilTheYearOfEffectThenNoMoreThanTheCeiling()
    {
        // Base +100 a year: 2027 = 800 (before the cap), 2028 = 900 capped at 650.
        var model = new ProjectionModel
        {
            Name = "cap",
            Kind = ProjectionKind.Cap,
            Ceiling = 650,
            FromYear = 2028,
            Base = new ProjectionModel { Name = "r", Kind = ProjectionKind.Rate, Rate = 100 },
        };

        var projection = Project(model);

        Assert.Equal(800, projection[2027].Central, 9);
        Assert.Equal(650, projection[2028].Central, 9);
        Assert.Equal(650, projection[2040].Central, 9);
        Assert.All(projection.SamplesOf(2030).ToArray(), v => Assert.True(v <= 650));
    }

    [Fact]
    public void Project_CapWithDefaults_FreezesAtTheLatestEstimate()
    {
        // Base trend (572 in 2025, rising) capped at 600 from the first year on: 572, then 600.
        var model = new ProjectionModel { Name = "freeze", Kind = ProjectionKind.Cap, Base = ProjectionModel.BuiltIn(ProjectionKind.Trend) };

        var projection = Project(model);

        Assert.Equal(572, projection[2025].Central, 9);
        Assert.Equal(600, projection[2026].Central, 9);
        Assert.Equal(600, projection[2040].Central, 9);
    }

    [Fact]
    public void Project_HoldStartUniform400To800_PercentilesConvergeToTheExactOnes()
    {
        // Uniform on [400, 800]: the p-quantile is 400 + 400 p: p10 = 440, p50 = 600, p90 = 760. The standard error of a
        // quantile at 100,000 trials is 400 √(p(1−p)/n) ≈ 0.4, so 3 is several of them.
        var set = Set(Row("CN", "2025-01-01", null, 400, 800));

        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Hold), set, new(Horizon: 2026, Trials: 100_000, Seed: 11));

        var point = projection[2026];
        Assert.Equal(600, point.Central);
        Assert.InRange(point.P10, 437, 443);
        Assert.InRange(point.P50, 597, 603);
        Assert.InRange(point.P90, 757, 763);
        Assert.All(projection.SamplesOf(2026).ToArray(), v => Assert.InRange(v, 400, 800));
    }

    [Fact]
    public void Project_RateWithRangeAndStartRange_PercentilesMatchTheSumOfTwoUniforms()
    {
        // 2035 = s + 10 r, s uniform on [500, 700] (width a = 200), 10 r uniform on [800, 1200] (width b = 400): the
        // trapezoid on [1300, 1900], CDF z² / (2ab) over its first 200 (up to 0.25). p10: z² = 0.1 × 2 × 200 × 400 =
        // 16,000, z = 126.49: p10 = 1426.49, p90 = 1900 − 126.49 = 1773.51; p50 = 1600 by symmetry.
        var set = Set(Row("CN", "2025-01-01", 600, 500, 700));
        var model = new ProjectionModel { Name = "r", Kind = ProjectionKind.Rate, Rate = 100, RateLow = 80, RateHigh = 120 };

        var point = Project(model, set, new(Horizon: 2035, Trials: 100_000, Seed: 3))[2035];

        Assert.Equal(1600, point.Central, 9);
        Assert.InRange(point.P10, 1426.49 - 3, 1426.49 + 3);
        Assert.InRange(point.P50, 1600 - 3, 1600 + 3);
        Assert.InRange(point.P90, 1773.51 - 3, 1773.51 + 3);
    }

    [Fact]
    public void Project_ValueWithoutRange_DrawnWithinTheDefaultSpread()
    {
        var set = Set(Row("CN", "2025-01-01", 600));

        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Hold), set);

        Assert.Equal((540, 660), (projection.StartLow, projection.StartHigh), (a, b) => Math.Abs(a.Item1 - b.Item1) < 1e-9 && Math.Abs(a.Item2 - b.Item2) < 1e-9);
        Assert.All(projection.SamplesOf(2030).ToArray(), v => Assert.InRange(v, 540, 660));
        Assert.Contains(projection.Assumptions, a => a.English.Contains("±10 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Project_CeilingDatedAfterItWasPublished_APlanLeftOutTheCountStarts()
    {
        // The shape of the United Kingdom's rows: a count of 225 (2025), and "no more than 180 by the mid-2020s",
        // published in 2011 and dated 2025-12-31: a plan, not a count.
        var set = Set(
            Row("CN", "2025-01-01", 225),
            Row("CN", "2025-12-31", null, high: 180, basis: EstimateBasis.Declared, published: "2011-06-29"));

        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Hold), set);

        Assert.Equal(225, projection[2026].Central, 9);
        Assert.Equal(["hand.csv:2"], projection.Rows.Select(r => r.Origin));
    }

    [Fact]
    public void Project_SameSeed_SameNumbersExactly()
    {
        var model = ProjectionModel.BuiltIn(ProjectionKind.Trend);

        var first = Project(model);
        var second = Project(model);

        Assert.Equal(first.Points.ToArray(), second.Points.ToArray());
        for (var year = 2025; year <= 2040; year++)
        {
            Assert.True(first.SamplesOf(year).SequenceEqual(second.SamplesOf(year)), $"year {year}");
        }
    }

    [Fact]
    public void Project_DifferentSeed_DifferentNumbers()
    {
        var model = ProjectionModel.BuiltIn(ProjectionKind.Trend);

        var first = Project(model);
        var other = Project(model, options: Few with { Seed = 8 });

        Assert.False(first.SamplesOf(2030).SequenceEqual(other.SamplesOf(2030)));
        Assert.NotEqual(first[2030].P50, other[2030].P50);
        Assert.Equal(first[2030].Central, other[2030].Central);
    }

    [Fact]
    public void Project_KnownSeed_PinnedFirstDraws()
    {
        // Pins the generator: a change to xoshiro256**, SplitMix64, the series hash or the draw order changes these.
        var set = Set(Row("CN", "2025-01-01", null, 0, 1000));

        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Hold), set, new(Horizon: 2025, Trials: 3, Seed: 1));

        var expected = new double[3];
        var random = Xoshiro256StarStar.ForSeries(1, "CN|stockpile");
        for (var i = 0; i < 3; i++)
        {
            expected[i] = 1000 * random.NextDouble();
        }

        Assert.Equal(expected, projection.SamplesOf(2025).ToArray());
    }

    [Fact]
    public void Project_TwoStatesOneSeed_DrawIndependently()
    {
        var set = Set(Row("CN", "2025-01-01", null, 0, 1000), Row("US", "2025-01-01", null, 0, 1000));
        var options = new ProjectionOptions(Horizon: 2025, Trials: 100, Seed: 5);

        var cn = Projector.Project(set, Cn, Stockpile, ProjectionModel.BuiltIn(ProjectionKind.Hold), options);
        var us = Projector.Project(set, Us, Stockpile, ProjectionModel.BuiltIn(ProjectionKind.Hold), options);

        Assert.False(cn.SamplesOf(2025).SequenceEqual(us.SamplesOf(2025)));
    }

    [Fact]
    public void SamplesOf_TwoStatesAddedTrialByTrial_TheDistributionOfTheSum()
    {
        // Two independent holds uniform on [0, 1000]: the sum is triangular on [0, 2000], P(S > x) = (2000 − x)² / 2,000,000,
        // so its p90 is 2000 − √(0.2) × 1000 = 1552.79 — not 900 + 900 = 1,800, the sum of the percentiles.
        var set = Set(Row("CN", "2025-01-01", null, 0, 1000), Row("US", "2025-01-01", null, 0, 1000));
        var options = new ProjectionOptions(Horizon: 2025, Trials: 100_000, Seed: 13);
        var cn = Projector.Project(set, Cn, Stockpile, ProjectionModel.BuiltIn(ProjectionKind.Hold), options);
        var us = Projector.Project(set, Us, Stockpile, ProjectionModel.BuiltIn(ProjectionKind.Hold), options);

        var a = cn.SamplesOf(2025);
        var b = us.SamplesOf(2025);
        var sum = new double[a.Length];
        for (var t = 0; t < sum.Length; t++)
        {
            sum[t] = a[t] + b[t];
        }

        Array.Sort(sum);
        var p90 = sum[(int)(0.9 * (sum.Length - 1))];
        Assert.InRange(p90, 1552.79 - 8, 1552.79 + 8);
        Assert.InRange(cn[2025].P90 + us[2025].P90, 1790, 1810);
    }

    [Fact]
    public void Project_TrendWithOnePointInTheWindow_NamesModelStateMeasureAndNeed()
    {
        var set = Set(Row("CN", "2010-01-01", 100), Row("CN", "2025-01-01", 600));

        var error = Assert.Throws<InputException>(() => Project(ProjectionModel.BuiltIn(ProjectionKind.Trend), set));

        var message = Assert.Single(error.Diagnostics).ToString();
        Assert.Equal("--model: model trend: CN stockpile: the model 'trend' needs at least 2 estimates in the 10 years to 2025-01-01 (as-of dates from 2015-01-01); found 1", message);
    }

    [Fact]
    public void Project_AnchoredWithoutAnchors_NamesWhatItNeeds()
    {
        var set = Set(Row("CN", "2024-01-01", 500), Row("CN", "2025-01-01", 600), Row("CN", "2024-06-01", 700, basis: EstimateBasis.OfficialProjection));

        var error = Assert.Throws<InputException>(() => Project(ProjectionModel.BuiltIn(ProjectionKind.Anchored), set));

        var message = Assert.Single(error.Diagnostics).ToString();
        Assert.Contains("CN stockpile: the model 'anchored' needs an official projection after the latest estimate (2025-01-01)", message, StringComparison.Ordinal);
        Assert.Contains("found 1, none after it", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_RateWithoutRateOrTwoPoints_NamesWhatItNeeds()
    {
        var set = Set(Row("CN", "2025-01-01", 600));

        var error = Assert.Throws<InputException>(() => Project(ProjectionModel.BuiltIn(ProjectionKind.Rate), set));

        Assert.Contains("the model 'rate' needs a rate, or at least 2 estimates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_StateWithoutEstimates_NamesTheFile()
    {
        var error = Assert.Throws<InputException>(() => Project(ProjectionModel.BuiltIn(ProjectionKind.Hold), state: Us));

        Assert.Contains("US stockpile: the model 'hold' needs at least one estimate", error.Message, StringComparison.Ordinal);
        Assert.Contains("hand.csv has none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_OnlyUndisclosedAndStatements_NoEstimate()
    {
        var set = Set(Row("CN", "2024-01-01", null, basis: EstimateBasis.Undisclosed), Row("CN", "2025-01-01", 600, basis: EstimateBasis.Statement));

        Assert.Throws<InputException>(() => Project(ProjectionModel.BuiltIn(ProjectionKind.Hold), set));
    }

    [Fact]
    public void Project_HorizonBeforeTheData_NamesTheFirstYear()
    {
        var error = Assert.Throws<InputException>(() => Project(ProjectionModel.BuiltIn(ProjectionKind.Hold), options: Few with { Horizon = 2020 }));

        Assert.Contains("a horizon at or after 2025", error.Message, StringComparison.Ordinal);
        Assert.Contains("the horizon given is 2020", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_VariantForAnotherState_NamesWhereItIsDefined()
    {
        var model = new ProjectionModel { Name = "dod", Kind = ProjectionKind.Hold, States = [Cn], Origin = "projections.yaml:9" };
        var set = Set(Row("US", "2025-01-01", 1700));

        var error = Assert.Throws<InputException>(() => Project(model, set, state: Us));

        Assert.StartsWith("projections.yaml:9: model dod: US stockpile: the model 'dod' needs a state in [CN]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ProjectionOptions.MaxTrials + 1)]
    public void Project_TrialsOutOfRange_Throws(int trials)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Project(ProjectionModel.BuiltIn(ProjectionKind.Hold), options: Few with { Trials = trials }));
    }

    [Fact]
    public void Project_LatestEstimateMidYear_StartsTheNextYear()
    {
        // 2024-07-02 is t = 2024 + 183/366 = 2024.5; +100 a year: 1 January 2025 = 600 + 100 × 0.5 = 650.
        var set = Set(Row("CN", "2024-07-02", 600));

        var projection = Project(new ProjectionModel { Name = "r", Kind = ProjectionKind.Rate, Rate = 100 }, set);

        Assert.Equal(2025, projection.FirstYear);
        Assert.Equal(650, projection[2025].Central, 9);
    }

    [Fact]
    public void Project_Result_CarriesModelSeedTrialsAndAssumptions()
    {
        var projection = Project(ProjectionModel.BuiltIn(ProjectionKind.Trend));

        Assert.Equal("trend", projection.Model.Name);
        Assert.Equal(7, projection.Seed);
        Assert.Equal(1_000, projection.Trials);
        Assert.StartsWith("Projected, not measured: CN stockpile by the model 'trend'", projection.Assumptions[0].English, StringComparison.Ordinal);
        Assert.Contains(projection.Assumptions, a => a.English.Contains("seed 7", StringComparison.Ordinal));
        Assert.Contains(projection.Assumptions, a => a.English.Contains("+60 a year", StringComparison.Ordinal));
    }
}

/// <summary>The projector over the estimates reader's test vector: rows read from a file, traced back to their lines.</summary>
public class ProjectorOverReadEstimatesTests
{
    [Fact]
    public void Project_AnchoredOverTheReadVector_FloorAnchorAndOvertakenProjectionLeftOut()
    {
        // CN: 600 as of 2025-03-12 (line 8); "over 1,000 by 2030" is a floor only (line 9), taken at 1,000; the
        // projection of 700 for 2024 (line 10) is before the latest estimate and left out. First year 2026.
        using var reader = new StreamReader(TestData.VectorPath("forces", "estimates.csv"));
        var set = Verity.Core.Loading.EstimatesReader.Parse(reader, "estimates.csv");

        var projection = Projector.Project(set, HandMadeEstimates.Cn, HandMadeEstimates.Stockpile, ProjectionModel.BuiltIn(ProjectionKind.Anchored), new(2035, 100, 1));

        Assert.Equal(2026, projection.FirstYear);
        Assert.Equal(1000, projection[2030].Central, 9);
        Assert.Equal(["estimates.csv:8", "estimates.csv:9"], projection.Rows.Select(r => r.Origin));
        Assert.Contains(projection.Assumptions, a => a.English.StartsWith("1 anchor(s) at or before the latest estimate left out", StringComparison.Ordinal));
    }
}
