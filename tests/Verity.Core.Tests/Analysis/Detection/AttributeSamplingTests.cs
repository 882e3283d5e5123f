using System.Numerics;
using Verity.Core.Analysis.Detection;

namespace Verity.Core.Tests.Analysis.Detection;

/// <summary>
/// <see cref="AttributeSampling"/>: values worked by hand for small N, the reference's worked examples, every small N
/// against exact rational arithmetic, and N = 10,000,000 against the product form.
/// </summary>
public class AttributeSamplingTests
{
    [Theory]
    [InlineData(10, 2, 3, 8.0 / 15)] // 1 − C(8,3)/C(10,3) = 1 − 56/120 = 8/15
    [InlineData(5, 1, 2, 2.0 / 5)] // one defective: n/N
    [InlineData(6, 2, 2, 9.0 / 15)] // 1 − C(4,2)/C(6,2) = 1 − 6/15
    [InlineData(4, 2, 3, 1.0)] // 3 drawn of 4 with 2 defective: a defective must be drawn
    [InlineData(10, 0, 5, 0.0)] // nothing to find
    [InlineData(10, 3, 0, 0.0)] // nothing drawn
    public void Detection_SmallPopulations_AsWorkedByHand(long population, long defects, long samples, double expected)
    {
        var p = AttributeSampling.Detection(population, defects, samples);

        Assert.Equal(expected, p, 1e-15);
    }

    [Fact]
    public void Evaluate_ReferenceExample_IaeaSamples259ExactSamples258()
    {
        // reference/forces-and-treaties.md §5: N = 1,000, M = 10, β = 0.05 gives n ≈ 258.9 → 259; the exact minimum is 258.
        var sample = AttributeSampling.Evaluate(1000, 10, samples: null, goal: 0.95);

        Assert.Equal(258.8655508930523, sample.IaeaSamples!.Value, 1e-9);
        Assert.Equal(259, sample.IaeaSamplesRounded);
        Assert.Equal(258, sample.SamplesForGoal);
    }

    [Fact]
    public void SamplesForGoal_ReferenceExample_IsTheSmallestThatReachesTheGoal()
    {
        Assert.True(AttributeSampling.Detection(1000, 10, 258) >= 0.95);
        Assert.True(AttributeSampling.Detection(1000, 10, 257) < 0.95);
    }

    [Theory]
    [InlineData(700, 20, 0.2531)] // reference/successor.md §3: 25 %
    [InlineData(700, 50, 0.5258)] // 53 %
    [InlineData(700, 100, 0.7882)] // 79 %
    [InlineData(400, 20, 0.4049)] // 41 %
    [InlineData(400, 50, 0.7412)] // 74 %
    [InlineData(500, 50, 0.6548)] // reference/forces-and-treaties.md §5: 0.655
    [InlineData(500, 25, 0.4041)] // 0.404
    [InlineData(500, 5, 0.0965)] // 0.096
    public void Detection_TenInspectionsOfTheReference_MatchItsFigures(long missiles, long overloaded, double expected)
    {
        Assert.Equal(expected, AttributeSampling.Detection(missiles, overloaded, 10), 4);
    }

    [Fact]
    public void Evaluate_SevenHundredMissilesFiftyOverloaded_IaeaThirtyTwoExactThirtyOne()
    {
        // reference/successor.md §3: the IAEA-style n ≈ 32 for 90 % detection of M = 50 among 700.
        var sample = AttributeSampling.Evaluate(700, 50, samples: null, goal: 0.9);

        Assert.Equal(32, sample.IaeaSamplesRounded);
        Assert.Equal(31, sample.SamplesForGoal);
    }

    [Fact]
    public void NonDetection_EverySmallCase_EqualsTheExactRatioOfBinomials()
    {
        // Independent: C(N − M, n) / C(N, n) in exact integers, for every N ≤ 60 and every M, n.
        double worst = 0;
        for (var n = 1; n <= 60; n++)
        {
            for (var m = 0; m <= n; m++)
            {
                for (var k = 0; k <= n; k++)
                {
                    var exact = Ratio(Choose(n - m, k), Choose(n, k));
                    var computed = AttributeSampling.NonDetection(n, m, k);
                    worst = Math.Max(worst, exact == 0 ? computed : Math.Abs(computed - exact) / exact);
                }
            }
        }

        Assert.True(worst < 1e-12, $"worst relative error {worst}");
    }

    [Theory]
    [InlineData(1_000, 1_000)]
    [InlineData(10_000, 10_000)]
    [InlineData(5_000, 80_000)]
    [InlineData(100, 9_000_000)]
    public void NonDetection_TenMillion_AgreesWithTheProductForm(long defects, long samples)
    {
        // Independent: Π_{i < t} (1 − u / (N − i)) with t = min(M, n), u = max(M, n), each factor near 1 and exact to
        // an ulp, multiplied in order; its own error grows like t ulps.
        const long population = 10_000_000;
        var t = Math.Min(defects, samples);
        var u = (double)Math.Max(defects, samples);
        double product = 1;
        for (long i = 0; i < t; i++)
        {
            product *= 1 - (u / (population - i));
        }

        var computed = AttributeSampling.NonDetection(population, defects, samples);

        Assert.True(Math.Abs(computed - product) <= 1e-11 * product, $"{computed} against {product}");
    }

    [Fact]
    public void Detection_TenMillionOneDefectiveOneSample_KeepsItsDigits()
    {
        // 1 − (1 − 1/N) formed naively loses half the digits; the exact answer is 1/N.
        Assert.Equal(1e-7, AttributeSampling.Detection(10_000_000, 1, 1), 1e-22);
    }

    [Fact]
    public void ApproximateDetection_IsTheIaeaFormula()
    {
        // 1 − (1 − 258/1000)^10 = 1 − 0.742^10
        Assert.Equal(1 - Math.Pow(0.742, 10), AttributeSampling.ApproximateDetection(1000, 10, 258), 1e-14);
    }

    [Fact]
    public void SamplesForGoal_NoDefects_IsNull()
    {
        Assert.Null(AttributeSampling.SamplesForGoal(1000, 0, 0.9));
        Assert.Null(AttributeSampling.IaeaSamples(1000, 0, 0.9));
    }

    [Theory]
    [InlineData(10, 11, 0)]
    [InlineData(10, 1, 11)]
    [InlineData(-1, 0, 0)]
    [InlineData(10, -1, 0)]
    public void Detection_CountsOutOfRange_Throw(long population, long defects, long samples)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributeSampling.Detection(population, defects, samples));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void SamplesForGoal_GoalOutsideTheOpenInterval_Throws(double goal)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributeSampling.SamplesForGoal(100, 5, goal));
    }

    private static BigInteger Choose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return BigInteger.Zero;
        }

        var result = BigInteger.One;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    private static double Ratio(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0;
        }

        // Scale so that the quotient keeps 60 digits before it is rounded to a double.
        var scale = BigInteger.Pow(10, 60);
        var quotient = numerator * scale / denominator;
        return (double)quotient / 1e60;
    }
}
