using Verity.Core.Analysis.Projections;
using Verity.Core.Forces;
using static Verity.Core.Tests.Analysis.Projections.HandMadeEstimates;

namespace Verity.Core.Tests.Analysis.Projections;

/// <summary><see cref="Parity.Find"/> on constructed pairs whose crossing years are worked out by hand.</summary>
public class ParityTests
{
    private static readonly ProjectionModel PlusHundred = new() { Name = "r", Kind = ProjectionKind.Rate, Rate = 100 };
    private static readonly ProjectionModel Hold = ProjectionModel.BuiltIn(ProjectionKind.Hold);

    private static Parity Compare(EstimateSet set, ProjectionModel a, ProjectionModel b, int trials = 20_000, int horizon = 2040)
    {
        var options = new ProjectionOptions(horizon, trials, Seed: 42);
        return Parity.Find(Projector.Project(set, Cn, Stockpile, a, options), Projector.Project(set, Us, Stockpile, b, options));
    }

    [Fact]
    public void Find_RisingAgainstFlat_CentralAndPerTrialCrossingYears()
    {
        // CN: 600 (drawn on [500, 700]) + 100 a year; US: 1,700 exactly. Central: 600 + 100 k ≥ 1,700 at k = 11: 2036.
        // A trial with start s crosses at 2025 + ceil((1,700 − s) / 100): 2036 for s in [600, 700), 2037 for s in [500, 600),
        // half each: p10 = 2036 (10 % have crossed by 2036), p90 = 2037, every trial by the horizon.
        var set = Set(Row("CN", "2025-01-01", 600, 500, 700), Row("US", "2025-01-01", 1700, 1700, 1700));

        var parity = Compare(set, PlusHundred, Hold);

        Assert.Equal(2036, parity.Year);
        Assert.Equal(2036, parity.YearP10);
        Assert.Equal(2037, parity.YearP90);
        Assert.Equal(1.0, parity.Reached);
        Assert.Equal((2025, 2040), (parity.FirstYear, parity.Horizon));
    }

    [Fact]
    public void Find_NeverCatchesUp_NullNotBeforeTheHorizon()
    {
        // 600 + 100 × 15 = 2,100 in 2040 at most 2,200: never 5,000.
        var set = Set(Row("CN", "2025-01-01", 600, 500, 700), Row("US", "2025-01-01", 5000, 5000, 5000));

        var parity = Compare(set, PlusHundred, Hold);

        Assert.Null(parity.Year);
        Assert.Null(parity.YearP10);
        Assert.Null(parity.YearP50);
        Assert.Null(parity.YearP90);
        Assert.Equal(0.0, parity.Reached);
    }

    [Fact]
    public void Find_SomeTrialsOnly_LateCaseNullEarlyCaseAYear()
    {
        // Horizon 2036: only trials with s ≥ 600 cross (in 2036), about half: p10 = 2036, p90 none before 2036.
        var set = Set(Row("CN", "2025-01-01", 600, 500, 700), Row("US", "2025-01-01", 1700, 1700, 1700));

        var parity = Compare(set, PlusHundred, Hold, horizon: 2036);

        Assert.Equal(2036, parity.Year);
        Assert.Equal(2036, parity.YearP10);
        Assert.Null(parity.YearP90);
        Assert.InRange(parity.Reached, 0.48, 0.52);
    }

    [Fact]
    public void Find_AlreadyAhead_TheFirstYear()
    {
        var set = Set(Row("CN", "2025-01-01", 2000, 2000, 2000), Row("US", "2025-01-01", 1700, 1700, 1700));

        var parity = Compare(set, Hold, Hold, trials: 100);

        Assert.Equal(2025, parity.Year);
        Assert.Equal(2025, parity.YearP90);
    }

    [Fact]
    public void Find_DifferentSeeds_Throws()
    {
        var set = Set(Row("CN", "2025-01-01", 600), Row("US", "2025-01-01", 1700));
        var a = Projector.Project(set, Cn, Stockpile, Hold, new(2030, 10, 1));
        var b = Projector.Project(set, Us, Stockpile, Hold, new(2030, 10, 2));

        Assert.Throws<ArgumentException>(() => Parity.Find(a, b));
    }
}
