using BenchmarkDotNet.Attributes;
using Verity.Core.Analysis.Detection;

namespace Verity.Bench.Core;

/// <summary>
/// The exact detection probability of attribute sampling at N = 10,000,000 (M = 500 defective, n = 46,000 drawn), and
/// the smallest n for a 95 % goal, against the IAEA's approximation written out by hand (one <see cref="Math.Pow"/>),
/// the cheapest thing that answers the question, and against the textbook product Π (1 − M / (N − i)) over the
/// smaller of M and n. Target: the exact value in under a millisecond.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class AttributeSamplingBenchmark
{
    // Fields, not constants: the JIT would fold the approximation of constants away.
    private readonly long _population = 10_000_000;
    private readonly long _defects = 500;
    private readonly long _samples = 46_000;

    /// <summary>The baseline: 1 − (1 − n / N)^M by hand.</summary>
    [Benchmark(Baseline = true)]
    public double Approximation() => 1 - Math.Pow(1 - ((double)_samples / _population), _defects);

    /// <summary>Verity's exact hypergeometric value, in log space.</summary>
    [Benchmark]
    public double Exact() => AttributeSampling.Detection(_population, _defects, _samples);

    /// <summary>The textbook product over min(M, n) factors: exact too, but linear in the smaller count.</summary>
    [Benchmark]
    public double Product()
    {
        double none = 1;
        for (long i = 0; i < _defects; i++)
        {
            none *= 1 - ((double)_samples / (_population - i));
        }

        return 1 - none;
    }

    /// <summary>Verity's smallest n whose exact value reaches 0.95 (bisection over the exact value).</summary>
    [Benchmark]
    public long? SamplesForGoal() => AttributeSampling.SamplesForGoal(_population, _defects, 0.95);
}
