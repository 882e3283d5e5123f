using System.Collections.Immutable;
using Verity.Core.Compliance;
using Verity.Core.Inspections;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Analysis.Replay;

/// <summary>Replays a public record: synthesizes the item history, runs the ledger and compliance at every data date, and sets published beside computed.</summary>
public static class ReplayRunner
{
    /// <summary>Runs the replay.</summary>
    /// <param name="treaty">The treaty.</param>
    /// <param name="model">The force model.</param>
    /// <param name="figures">The published aggregates.</param>
    /// <param name="breakdowns">The published breakdowns.</param>
    /// <param name="interpretation">A reading to compute beside the agreed one, or <see cref="Interpretation.Agreed"/>.</param>
    /// <param name="inspections">The public record of inspections, replayed as synthetic inspections consistent with it; none by default.</param>
    public static ReplayResult Run(Treaty treaty, ForceModel model, ImmutableArray<PublishedFigure> figures, ImmutableArray<PublishedBreakdown> breakdowns, Interpretation interpretation, ImmutableArray<PublishedInspectionCount> inspections = default)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(interpretation);

        var ledger = Ledger.Create(new HistorySynthesizer(model, figures, breakdowns).Synthesize(), "replay");
        var measures = treaty.Limits.Select(l => l.Id).Where(id => figures.Any(f => f.Measure == id)).ToImmutableArray();
        var points = ImmutableArray.CreateBuilder<ReplayPoint>();
        foreach (var date in figures.Select(f => f.Date).Distinct().Order())
        {
            var inventory = ledger.AsOf(date);
            var agreed = ComplianceEvaluator.Evaluate(treaty, inventory, date, Interpretation.Agreed);
            var reading = interpretation.Id == Interpretation.AgreedId ? null : ComplianceEvaluator.Evaluate(treaty, inventory, date, interpretation);
            foreach (var party in treaty.Parties.Select(p => p.Code))
            {
                var scope = agreed[party.Value]!;
                points.Add(new ReplayPoint(
                    date,
                    party,
                    figures.Where(f => f.Date == date && f.Party == party).ToImmutableDictionary(f => f.Measure, f => f),
                    measures.ToImmutableDictionary(m => m, m => scope[m]!.Value),
                    reading is null ? ImmutableDictionary<string, long>.Empty : measures.ToImmutableDictionary(m => m, m => reading[party.Value]![m]!.Value),
                    scope.Limits.ToImmutableDictionary(l => l.Limit.Id, l => l.Status),
                    reading is null ? ImmutableDictionary<string, LimitStatus>.Empty : reading[party.Value]!.Limits.ToImmutableDictionary(l => l.Limit.Id, l => l.Status)));
            }
        }

        var checks = breakdowns.Select(b => new BreakdownCheck(b, b.CountIn(ledger.AsOf(b.Date)))).ToImmutableArray();
        var result = new ReplayResult(treaty, interpretation, measures, points.ToImmutable(), checks, ledger);
        if (inspections.IsDefaultOrEmpty || !treaty.Dates.HasEntryIntoForce)
        {
            return result;
        }

        var through = treaty.Expiry?.PlusDays(-1) ?? (figures.IsEmpty ? treaty.Dates.EntryIntoForce : figures.Max(f => f.Date));
        return result with
        {
            PublishedInspections = inspections,
            Inspections = SyntheticInspections.Build(treaty, inspections, through),
            InspectionsThrough = through,
        };
    }
}
