using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Verity.Core;
using Verity.Core.Analysis;
using Verity.Core.Analysis.Projections;
using Verity.Core.Forces;

namespace Verity.Bench.Core;

/// <summary>
/// Projections with uncertainty for five states and three measures, 2025 to 2040, 100,000 Monte Carlo trials each (the
/// rate model with its start and its rate drawn from ranges): Verity's <see cref="Projector"/> against the floor, a
/// hand-written loop over plain arrays doing the same arithmetic (the same generator and draws, the same per-trial
/// values kept, the same sort for the percentiles). Target: Verity at most 2x the floor.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class ProjectionBenchmark
{
    private const int Trials = 100_000;
    private const int FirstYear = 2025;
    private const int Horizon = 2040;
    private const long Seed = 2026;
    private const double RateLow = 0.8;
    private const double RateHigh = 1.2;
    private static readonly string[] States = ["US", "RU", "CN", "FR", "GB"];
    private static readonly string[] Measures = ["stockpile", "deployed-strategic", "reserve"];

    private EstimateSet _estimates = null!;
    private (PartyCode State, ForceMeasure Measure, ProjectionModel Model)[] _series = null!;
    private (string Key, double Low, double High, double Rate)[] _plain = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rows = ImmutableArray.CreateBuilder<Estimate>();
        var series = new List<(PartyCode, ForceMeasure, ProjectionModel)>();
        var plain = new List<(string, double, double, double)>();
        var line = 2;
        for (var s = 0; s < States.Length; s++)
        {
            for (var m = 0; m < Measures.Length; m++)
            {
                var value = 300L * (s + 1) + (100L * m);
                var low = value - 50;
                var high = value + 50;
                var rate = 10.0 * (s + 1) * (m + 1);
                var state = PartyCode.Parse(States[s]);
                var measure = ForceMeasure.Parse(Measures[m]);
                rows.Add(new Estimate(state, measure, new LocalDate(FirstYear, 1, 1), value, low, high, EstimateBasis.Estimate, "https://example.org", new LocalDate(FirstYear, 3, 1), null, $"bench.csv:{line++}"));
                series.Add((state, measure, new ProjectionModel { Name = "rate", Kind = ProjectionKind.Rate, Rate = rate, RateLow = rate * RateLow, RateHigh = rate * RateHigh }));
                plain.Add(($"{States[s]}|{Measures[m]}", low, high, rate));
            }
        }

        _estimates = new EstimateSet("bench.csv", rows.ToImmutable());
        _series = [.. series];
        _plain = [.. plain];

        var verity = Verity();
        var floor = Floor();
        if (verity != floor)
        {
            throw new InvalidOperationException($"Verity's p10/p50/p90 sum {verity}, the floor's {floor}: the comparison would be meaningless.");
        }
    }

    /// <summary>The floor: every series by hand over plain arrays, the same draws and the same sort.</summary>
    [Benchmark(Baseline = true)]
    public double Floor()
    {
        const int years = Horizon - FirstYear + 1;
        double check = 0;
        var sorted = new double[Trials];
        foreach (var (key, low, high, rate) in _plain)
        {
            var random = Xoshiro256StarStar.ForSeries(Seed, key);
            var samples = new double[years][];
            for (var y = 0; y < years; y++)
            {
                samples[y] = new double[Trials];
            }

            var rateLow = rate * RateLow;
            var rateHigh = rate * RateHigh;
            for (var t = 0; t < Trials; t++)
            {
                var start = random.NextUniform(low, high);
                var r = random.NextUniform(rateLow, rateHigh);
                for (var y = 0; y < years; y++)
                {
                    samples[y][t] = Math.Max(0, start + (r * y));
                }
            }

            for (var y = 0; y < years; y++)
            {
                samples[y].CopyTo(sorted, 0);
                Array.Sort(sorted);
                check += Quantile(sorted, 0.10) + Quantile(sorted, 0.50) + Quantile(sorted, 0.90);
            }
        }

        return check;
    }

    /// <summary>Verity: <see cref="Projector.Project"/> for each of the fifteen series.</summary>
    [Benchmark]
    public double Verity()
    {
        var options = new ProjectionOptions(Horizon, Trials, Seed);
        double check = 0;
        foreach (var (state, measure, model) in _series)
        {
            var projection = Projector.Project(_estimates, state, measure, model, options);
            foreach (var point in projection.Points)
            {
                check += point.P10 + point.P50 + point.P90;
            }
        }

        return check;
    }

    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }
}
