using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Bench.Core;

/// <summary>
/// Compliance for one party over a synthetic inventory of 1,000,000 items: every New START limit evaluated by
/// Verity (rules read from the treaty file, compiled over the inventory's columns) against the floor, a
/// hand-written single pass over the same data held in plain arrays that knows the three rules by heart.
/// Target: Verity at most 2x the floor.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class ComplianceBenchmark
{
    private const int Count = 1_000_000;
    private static readonly LocalDate At = new(2020, 9, 1);
    private static readonly string[] Kinds = ["icbm", "slbm", "icbm-launcher", "slbm-launcher", "heavy-bomber"];
    private static readonly string[] Statuses = ["deployed", "non-deployed", "test", "training", "converted", "eliminated"];

    private Treaty _treaty = null!;
    private Inventory _inventory = null!;
    private byte[] _kind = null!;
    private byte[] _status = null!;
    private bool[] _nonNuclear = null!;
    private int[] _warheads = null!;

    [GlobalSetup]
    public void Setup()
    {
        _treaty = TreatyReader.Parse(File.ReadAllText(DataFile("treaties/new-start.yaml")), "new-start.yaml");
        var random = new Random(20110205);
        var items = new Item[Count];
        _kind = new byte[Count];
        _status = new byte[Count];
        _nonNuclear = new bool[Count];
        _warheads = new int[Count];
        var us = PartyCode.Parse("US");
        for (var i = 0; i < Count; i++)
        {
            var kind = random.Next(Kinds.Length);
            var status = random.Next(10) switch { < 6 => 0, < 8 => 1, 8 => 2, _ => random.Next(3, 6) };
            var warheads = kind < 2 && status == 0 ? random.Next(1, 9) : 0;
            var nonNuclear = kind == 4 && random.Next(8) == 0;
            _kind[i] = (byte)kind;
            _status[i] = (byte)status;
            _nonNuclear[i] = nonNuclear;
            _warheads[i] = warheads;
            var attributes = nonNuclear
                ? ImmutableSortedDictionary<string, string>.Empty.Add("armament", "non-nuclear")
                : ImmutableSortedDictionary<string, string>.Empty;
            items[i] = new Item($"US-{i:D7}", us, Kinds[kind], "T" + (i % 7), Statuses[status], warheads, "Base " + (i % 13), attributes);
        }

        _inventory = Inventory.From(items);
        var verity = Verity();
        var floor = Floor();
        if (verity != floor)
        {
            throw new InvalidOperationException($"Verity counts {verity}, the hand-written pass {floor}: the comparison would be meaningless.");
        }
    }

    /// <summary>The floor: one pass over plain arrays with New START's three rules written out by hand.</summary>
    [Benchmark(Baseline = true)]
    public (long Deployed, long Warheads, long Launchers) Floor()
    {
        long deployed = 0, warheads = 0, launchers = 0;
        var kind = _kind;
        var status = _status;
        var nonNuclear = _nonNuclear;
        var loads = _warheads;
        for (var i = 0; i < kind.Length; i++)
        {
            var k = kind[i];
            var s = status[i];
            if (k <= 1)
            {
                if (s == 0)
                {
                    deployed++;
                    warheads += loads[i];
                }
            }
            else if (k <= 3)
            {
                if (s <= 2)
                {
                    launchers++;
                }
            }
            else if (!nonNuclear[i] && s <= 2)
            {
                launchers++;
                if (s == 0)
                {
                    deployed++;
                    warheads++;
                }
            }
        }

        return (deployed, warheads, launchers);
    }

    /// <summary>Verity: every limit of the treaty file, evaluated for the party, statuses and all.</summary>
    [Benchmark]
    public (long Deployed, long Warheads, long Launchers) Verity()
    {
        var report = ComplianceEvaluator.Evaluate(_treaty, _inventory, At, Interpretation.Agreed, PartyCode.Parse("US"));
        var us = report["US"]!;
        return (us["deployed"]!.Value, us["warheads"]!.Value, us["launchers"]!.Value);
    }

    /// <summary>Verity with a trace: every counted item's contribution recorded (the per-item path).</summary>
    [Benchmark]
    public int VerityTraced()
    {
        var report = ComplianceEvaluator.Evaluate(_treaty, _inventory, At, Interpretation.Agreed, PartyCode.Parse("US"), trace: true);
        return report["US"]!.Limits.Sum(l => l.Contributions.Length);
    }

    internal static string DataFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"data/{relative} not found above {AppContext.BaseDirectory}; run from the repository.");
    }
}
