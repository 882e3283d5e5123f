using BenchmarkDotNet.Attributes;
using NodaTime;
using Verity.Core;
using Verity.Core.Analysis.Projections;
using Verity.Core.Analysis.Proposals;
using Verity.Core.Forces;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Bench.Core;

/// <summary>
/// <c>verity proposals compare</c> of every bundled draft and variant under every model (the built-in kinds and the
/// named projections that apply), 10,000 trials, 2030, on the bundled estimates: the whole comparison against its
/// baseline, the projections alone that it needs (every state's measure the drafts name, under each model). Target:
/// the whole under a second on this machine; the ratio says what the comparison adds to the projections.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class ProposalsBenchmark
{
    private static readonly ProjectionOptions Options = new(Horizon: 2040, Trials: 10_000, Seed: 2026);
    private static readonly ComparisonSettings Settings = new(2030, new LocalDate(2027, 2, 5), 2040);

    private EstimateSet _estimates = null!;
    private Precedence _precedence = null!;
    private List<Treaty> _drafts = null!;
    private List<ProjectionModel> _models = null!;
    private List<(PartyCode State, ForceMeasure Measure)> _needed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        using (var reader = new StreamReader(Path.Combine(data, "forces", "estimates.csv")))
        {
            _estimates = EstimatesReader.Parse(reader, "data/forces/estimates.csv");
        }

        _precedence = PrecedenceReader.Parse(File.ReadAllText(Path.Combine(data, "forces", "precedence.yaml")), "precedence.yaml");
        var catalog = ProjectionsReader.Parse(File.ReadAllText(Path.Combine(data, "forces", "projections.yaml")), "projections.yaml");
        var drafts = Directory.GetFiles(Path.Combine(data, "treaties", "drafts"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => TreatyReader.Parse(File.ReadAllText(f), f)).ToList();
        _drafts = [.. drafts.SelectMany(d => d.Variants.Select(v => d.WithVariant(v.Id)).Prepend(d))];
        _models = [.. ProjectionModel.BuiltIns.Where(m => m.Kind is not ProjectionKind.Anchored and not ProjectionKind.Cap), .. catalog.Variants];
        _needed = [.. _drafts
            .SelectMany(d => d.Limits.Where(l => l.Measure is not null).SelectMany(l => Members(d, l).Select(m => (m, l.Measure!.Value))))
            .Distinct()];
    }

    private static IEnumerable<PartyCode> Members(Treaty draft, Limit limit) => limit.Scope switch
    {
        LimitScope.GroupScope g => draft.FindGroup(g.GroupId)!.Members,
        LimitScope.PartyScope p => [p.Party],
        _ => draft.Parties.Select(p => p.Code),
    };

    /// <summary>The floor: the projections the comparison rests on, each made once per model.</summary>
    [Benchmark(Baseline = true)]
    public int ProjectionsAlone()
    {
        var made = 0;
        var hold = ProjectionModel.BuiltIn(ProjectionKind.Hold);
        foreach (var model in _models)
        {
            foreach (var (state, measure) in _needed)
            {
                try
                {
                    made += Projector.Project(_estimates, state, measure, model.AppliesTo(state, measure) ? model : hold, Options).Points.Length;
                }
                catch (InputException)
                {
                    // Not projectable under this model: the comparison reports it as a gap.
                }
            }
        }

        return made;
    }

    /// <summary>Every draft and variant compared under every model.</summary>
    [Benchmark]
    public int CompareEveryDraftUnderEveryModel() =>
        _models.Sum(model => ProposalStudy.Compare(_drafts, _estimates, _precedence, model, Options, Settings).Drafts.Sum(d => d.Limits.Length));
}
