using System.Collections.Immutable;
using Verity.Core.Analysis.Detection;

namespace Verity.Core.Tests.Analysis.Detection;

/// <summary>
/// <see cref="RegimeDetector"/> on a two-base toy force worked by hand (docs/inspections.md has the same working),
/// against the reference's no-structure formula where the structure drops out, and Monte Carlo against exact.
/// </summary>
public class RegimeDetectorTests
{
    // The toy: base A with 2 deployed missiles, base B with 8; 2 inspections a year, 1 missile counted in each.
    private static readonly InspectionModel Toy = new([new("A", 2), new("B", 8)], InspectionsPerYear: 2);

    private static void Within(string name, string what, double exact, ProportionEstimate simulated)
    {
        var (low, high) = ProportionEstimate.Interval(simulated.Hits, simulated.Trials, 3.290526731491926);
        Assert.True(exact >= low && exact <= high, $"{name}, {what}: exact {exact} outside the 99.9 % interval [{low}, {high}] of {simulated.Value}");
    }

    private static HiddenExcess One(HiddenPlacement placement, Reloading reloading = Reloading.Never) => new(1, 1, placement, reloading);

    [Fact]
    public void ExactPerYear_ToyConcentrated_OneEighth()
    {
        // The loaded missile is at B (the largest). Visits to B ~ Binomial(2, 1/2):
        // none (1/4) finds nothing; one (1/2) misses with 7/8; two (1/4) count 2 distinct of 8 and miss with C(7,2)/C(8,2) = 3/4.
        // P(no finding) = 1/4 + 1/2 × 7/8 + 1/4 × 3/4 = 7/8, so P = 1/8.
        var p = RegimeDetector.ExactPerYear(Toy, One(HiddenPlacement.Concentrated));

        Assert.Equal(0.125, p!.Value, 1e-15);
        Assert.Equal<int>([0, 1], RegimeDetector.Loaded(Toy, One(HiddenPlacement.Concentrated)));
    }

    [Fact]
    public void ExactPerYear_ToyLoadedAtTheSmallBase_OneHalf()
    {
        // At A: one visit (1/2) finds with 1/2; two visits (1/4) count both missiles and must find. P = 1/4 + 1/4 = 1/2.
        var hidden = One(HiddenPlacement.Given) with { Given = [1, 0] };

        Assert.Equal(0.5, RegimeDetector.ExactPerYear(Toy, hidden)!.Value, 1e-15);
    }

    [Fact]
    public void ExactPerYear_ToyRandom_OneFifthAsTheMixtureOfTheTwo()
    {
        // At A with 2/10, at B with 8/10: 0.2 × 1/2 + 0.8 × 1/8 = 0.2, which is also 1 − C(9,2)/C(10,2) = 1 − 36/45:
        // with a random placement and no base run out of missiles, the base structure drops out.
        var p = RegimeDetector.ExactPerYear(Toy, One(HiddenPlacement.Random));

        Assert.Equal(0.2, p!.Value, 1e-15);
        Assert.Equal(AttributeSampling.Detection(10, 1, 2), p.Value, 1e-15);
    }

    [Fact]
    public void ExactCumulative_ToyRandomKeptTwoYears_AveragedOverWhereItIs()
    {
        // Kept in place: 1 − [0.2 × (1/2)² + 0.8 × (7/8)²] = 1 − (0.05 + 0.6125) = 0.3375.
        // Moved each year: 1 − 0.8² = 0.36. Keeping it in place hides better: the years are linked.
        Assert.Equal(0.3375, RegimeDetector.ExactCumulative(Toy, One(HiddenPlacement.Random), 2)!.Value, 1e-14);
        Assert.Equal(0.36, RegimeDetector.ExactCumulative(Toy, One(HiddenPlacement.Random, Reloading.Yearly), 2)!.Value, 1e-14);
    }

    [Fact]
    public void ExactCumulative_ToyConcentratedTwoYears_IndependentYears()
    {
        // 1 − (7/8)² = 15/64.
        Assert.Equal(15.0 / 64, RegimeDetector.ExactCumulative(Toy, One(HiddenPlacement.Concentrated), 2)!.Value, 1e-15);
    }

    [Fact]
    public void ExactPerYear_ToyByMissiles_OneFifthWhereverItIs()
    {
        // Site chosen in proportion to missiles (A 0.2, B 0.8). At B: 0.04 + 0.32 × 7/8 + 0.64 × 3/4 = 0.8 → 0.2;
        // at A: 0.64 + 0.32 × 1/2 + 0.04 × 0 = 0.8 → 0.2.
        var model = Toy with { Selection = SiteSelection.ByMissiles };

        Assert.Equal(0.2, RegimeDetector.ExactPerYear(model, One(HiddenPlacement.Concentrated))!.Value, 1e-15);
        Assert.Equal(0.2, RegimeDetector.ExactPerYear(model, One(HiddenPlacement.Given) with { Given = [1, 0] })!.Value, 1e-15);
    }

    [Fact]
    public void ExactPerYear_RandomWhereABaseRunsOut_CountsOnlyWhatIsThere()
    {
        // A has 1 missile, B 3; 2 inspections. Both at A (1/4) count 1 missile; otherwise 2 are counted.
        // P(no finding) = 1/4 × 3/4 + 3/4 × 2/4 = 9/16, so P = 7/16 (and by where it is: 1/4 × 3/4 + 3/4 × 1/3 = 7/16).
        var model = new InspectionModel([new("A", 1), new("B", 3)], InspectionsPerYear: 2);

        Assert.Equal(7.0 / 16, RegimeDetector.ExactPerYear(model, One(HiddenPlacement.Random))!.Value, 1e-15);
    }

    [Theory]
    [InlineData(50, 0.6548)]
    [InlineData(25, 0.4041)]
    [InlineData(5, 0.0965)]
    public void ExactPerYear_RandomOverFiveBases_TheReferenceFormulaWithoutStructure(int loaded, double expected)
    {
        // reference/forces-and-treaties.md §5: D = 500, m = 10: 0.655, 0.404, 0.096. No base runs out (10 ≤ 100).
        var model = new InspectionModel([.. Enumerable.Range(1, 5).Select(i => new InspectionSite($"base {i}", 100))], InspectionsPerYear: 10);

        Assert.Equal(expected, RegimeDetector.ExactPerYear(model, HiddenExcess.OneEach(loaded))!.Value, 4);
    }

    [Fact]
    public void Loaded_Even_OneToEachSiteInTurnSkippingFullOnes()
    {
        Assert.Equal<int>([2, 1], RegimeDetector.Loaded(Toy, new HiddenExcess(3, 3, HiddenPlacement.Even)));
        Assert.Equal<int>([2, 3], RegimeDetector.Loaded(Toy, new HiddenExcess(5, 5, HiddenPlacement.Even)));
        Assert.Equal<int>([1, 8], RegimeDetector.Loaded(Toy, new HiddenExcess(9, 9, HiddenPlacement.Concentrated)));
    }

    public static TheoryData<string, InspectionModel, HiddenExcess, int> Cases => new()
    {
        { "toy, random, kept", Toy, One(HiddenPlacement.Random), 3 },
        { "toy, random, moved yearly", Toy, One(HiddenPlacement.Random, Reloading.Yearly), 3 },
        { "toy, concentrated", Toy, One(HiddenPlacement.Concentrated), 2 },
        { "toy, by missiles", Toy with { Selection = SiteSelection.ByMissiles }, One(HiddenPlacement.Given) with { Given = [1, 0] }, 2 },
        { "a base runs out", new InspectionModel([new("A", 1), new("B", 3), new("C", 2)], 4, 2), new HiddenExcess(3, 2), 2 },
        { "five bases, even", new InspectionModel([new("A", 133), new("B", 132), new("C", 132), new("D", 115), new("E", 115)], 10), new HiddenExcess(50, 50, HiddenPlacement.Even), 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_MonteCarlo_AgreesWithExactWithinItsInterval(string name, InspectionModel model, HiddenExcess hidden, int years)
    {
        // Six cases of two or three years, exact per year and cumulative: 28 comparisons. At 95 % each, one would fall
        // outside by chance more often than not; at 99.9 % (z = 3.29) all 28 hold with at least 97 % (Bonferroni), so a miss
        // here is a disagreement, not luck.
        var result = RegimeDetector.Evaluate(model, hidden, years, trials: 200_000, seed: 11);

        Assert.All(result.ByYear, y =>
        {
            Assert.NotNull(y.Exact);
            Assert.NotNull(y.CumulativeExact);
            Within(name, $"year {y.Year}", y.Exact!.Value, y.Simulated);
            Within(name, $"by year {y.Year}", y.CumulativeExact!.Value, y.CumulativeSimulated);
        });
    }

    [Fact]
    public void Simulate_SameSeed_SameCounts()
    {
        var a = RegimeDetector.Simulate(Toy, One(HiddenPlacement.Random), 3, 10_000, seed: 5);
        var b = RegimeDetector.Simulate(Toy, One(HiddenPlacement.Random), 3, 10_000, seed: 5);
        var c = RegimeDetector.Simulate(Toy, One(HiddenPlacement.Random), 3, 10_000, seed: 6);

        Assert.Equal<long>(a.WithFinding, b.WithFinding);
        Assert.Equal<long>(a.FirstFinding, b.FirstFinding);
        Assert.NotEqual<long>(a.WithFinding, c.WithFinding);
    }

    [Fact]
    public void Evaluate_NothingHidden_NoFinding()
    {
        var result = RegimeDetector.Evaluate(Toy, new HiddenExcess(0, 0), 2, 1_000, 1);

        Assert.All(result.ByYear, y => Assert.Equal(0, y.Simulated.Hits));
        Assert.Equal(0, result.ByYear[^1].CumulativeExact);
    }

    [Fact]
    public void ExactCumulative_KeptRandomOverManyPlacements_LeftToMonteCarlo()
    {
        // 13 sites and 400 loaded missiles kept over 3 years: too many placements to list.
        var model = new InspectionModel([.. Enumerable.Range(1, 13).Select(i => new InspectionSite($"s{i}", 40))], 10);

        Assert.Null(RegimeDetector.ExactCumulative(model, HiddenExcess.OneEach(400), 3));
        Assert.NotNull(RegimeDetector.ExactPerYear(model, HiddenExcess.OneEach(400)));
    }

    [Fact]
    public void WhatItTakes_RandomPlacement_TheAttributeSamplingSize()
    {
        // With a random placement and no base run out, the regime is attribute sampling: 90 % of 50 among 500 needs
        // n = SamplesForGoal(500, 50, 0.9) missiles counted a year; with one per inspection, that many inspections.
        var model = new InspectionModel([.. Enumerable.Range(1, 5).Select(i => new InspectionSite($"base {i}", 100))], InspectionsPerYear: 10);
        var n = AttributeSampling.SamplesForGoal(500, 50, 0.9)!.Value;

        var goal = RegimeDetector.WhatItTakes(model, HiddenExcess.OneEach(50), 0.9);

        Assert.Equal((int)n, goal.Inspections);
        Assert.Equal((int)Math.Ceiling(n / 10.0), goal.MissilesPerInspection);
        Assert.True(goal.InspectionsDetection >= 0.9);
        Assert.True(RegimeDetector.ExactPerYear(model with { InspectionsPerYear = (int)n - 1 }, HiddenExcess.OneEach(50)) < 0.9);
    }

    [Fact]
    public void WhatItTakes_ToyConcentrated_SmallestQuotaByHand()
    {
        // At B, with m inspections: P(no finding) = Σ_v C(m,v)/2^m × (8 − v)/8 for v ≤ 8 = 1 − m/16 (for m ≤ 8, the mean
        // visits m/2 over 8 missiles). P = m/16 reaches 0.45 first at m = 8 (7/16 = 0.4375 falls short).
        var goal = RegimeDetector.WhatItTakes(Toy, One(HiddenPlacement.Concentrated), 0.45);

        Assert.Equal(8, goal.Inspections);
        Assert.Equal(0.5, goal.InspectionsDetection!.Value, 1e-12);
    }

    [Fact]
    public void WhatItTakes_NothingHidden_Unreachable()
    {
        var goal = RegimeDetector.WhatItTakes(Toy, new HiddenExcess(0, 0), 0.9);

        Assert.Null(goal.Inspections);
        Assert.Null(goal.MissilesPerInspection);
    }

    [Fact]
    public void Assumptions_NameEveryChoice()
    {
        var text = string.Join("\n", RegimeDetector.Assumptions(Toy, new HiddenExcess(5, 2, HiddenPlacement.Concentrated), 3));

        Assert.Contains("2 site(s)", text, StringComparison.Ordinal);
        Assert.Contains("2 inspection(s)", text, StringComparison.Ordinal);
        Assert.Contains("equally likely", text, StringComparison.Ordinal);
        Assert.Contains("2 extra each, 1 of them one more", text, StringComparison.Ordinal);
        Assert.Contains("largest site first", text, StringComparison.Ordinal);
        Assert.Contains("all 3 treaty year(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MoreLoadedMissilesThanWarheads_Throws()
    {
        Assert.Throws<ArgumentException>(() => RegimeDetector.ExactPerYear(Toy, new HiddenExcess(2, 3)));
        Assert.Throws<ArgumentException>(() => RegimeDetector.ExactPerYear(Toy, new HiddenExcess(20, 11)));
        Assert.Throws<ArgumentException>(() => RegimeDetector.ExactPerYear(Toy, One(HiddenPlacement.Given) with { Given = [0, 0] }));
        Assert.Throws<ArgumentException>(() => RegimeDetector.ExactPerYear(new InspectionModel(ImmutableArray<InspectionSite>.Empty, 1), new HiddenExcess(0, 0)));
    }
}
