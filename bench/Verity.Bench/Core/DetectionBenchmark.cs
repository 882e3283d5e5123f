using BenchmarkDotNet.Attributes;
using Verity.Core.Analysis;
using Verity.Core.Analysis.Detection;

namespace Verity.Bench.Core;

/// <summary>
/// Monte Carlo of a regime: 1,000,000 trials over a 500-missile force (five bases of 100), 50 missiles loaded at random,
/// 10 inspections a year at bases chosen uniformly, one missile counted in each, one treaty year. Verity's
/// <see cref="RegimeDetector.Simulate"/> against the floor, a hand-written loop over plain arrays drawing the same
/// samples (the same generator, the same placement and the same inspections). The setup checks that both count the same
/// findings, trial for trial in total, before anything is timed. Target: Verity at most 2x the floor.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class DetectionBenchmark
{
    private const long Trials = 1_000_000;
    private const long Seed = 2026;
    private const int Loaded = 50;
    private const int Inspections = 10;
    private static readonly int[] Bases = [100, 100, 100, 100, 100];

    private InspectionModel _model = null!;
    private HiddenExcess _hidden = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = new InspectionModel([.. Bases.Select((d, i) => new InspectionSite($"base {i + 1}", d))], Inspections);
        _hidden = HiddenExcess.OneEach(Loaded);
        var verity = Verity();
        var floor = Floor();
        if (verity != floor)
        {
            throw new InvalidOperationException($"Verity counts {verity} trials with a finding, the floor {floor}: the comparison would be meaningless.");
        }
    }

    /// <summary>The floor: the same draws by hand over plain arrays.</summary>
    [Benchmark(Baseline = true)]
    public long Floor()
    {
        var missiles = Bases;
        var sites = missiles.Length;
        var total = missiles.Sum();
        var loaded = new int[sites];
        var remaining = new int[sites];
        var loadedLeft = new int[sites];
        var random = Xoshiro256StarStar.Create(Seed);
        long found = 0;
        for (long trial = 0; trial < Trials; trial++)
        {
            Array.Clear(loaded);
            for (var i = 0; i < Loaded; i++)
            {
                var u = random.NextInt(total - i);
                var s = 0;
                while (u >= missiles[s] - loaded[s])
                {
                    u -= missiles[s] - loaded[s];
                    s++;
                }

                loaded[s]++;
            }

            Array.Copy(missiles, remaining, sites);
            Array.Copy(loaded, loadedLeft, sites);
            for (var i = 0; i < Inspections; i++)
            {
                var s = random.NextInt(sites);
                if (random.NextInt(remaining[s]) < loadedLeft[s])
                {
                    found++;
                    break;
                }

                remaining[s]--;
            }
        }

        return found;
    }

    /// <summary>Verity: <see cref="RegimeDetector.Simulate"/>.</summary>
    [Benchmark]
    public long Verity() => RegimeDetector.Simulate(_model, _hidden, years: 1, Trials, Seed).WithFinding[0];

    /// <summary>The exact value beside, for scale: <see cref="RegimeDetector.ExactPerYear"/>.</summary>
    [Benchmark]
    public double? Exact() => RegimeDetector.ExactPerYear(_model, _hidden);
}
