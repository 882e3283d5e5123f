using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Inspections;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Analysis.Replay;

/// <summary>The public record replayed: every data point published beside computed, the breakdowns, and the ledger behind them.</summary>
/// <param name="Treaty">The treaty.</param>
/// <param name="Interpretation">The reading computed beside the agreed one.</param>
/// <param name="Measures">The limits the aggregates count against, in treaty order.</param>
/// <param name="Points">Each date and party.</param>
/// <param name="Breakdowns">Each published breakdown with its computed count.</param>
/// <param name="Ledger">The synthetic item-level history.</param>
public sealed record ReplayResult(
    Treaty Treaty,
    Interpretation Interpretation,
    ImmutableArray<string> Measures,
    ImmutableArray<ReplayPoint> Points,
    ImmutableArray<BreakdownCheck> Breakdowns,
    Ledger Ledger)
{
    /// <summary>The public record of inspections (counts over spans, each with its source); empty when the record has none.</summary>
    public ImmutableArray<PublishedInspectionCount> PublishedInspections { get; init; } = [];

    /// <summary>Synthetic inspections consistent with <see cref="PublishedInspections"/> (<see cref="SyntheticInspections"/>).</summary>
    public ImmutableArray<Inspection> Inspections { get; init; } = [];

    /// <summary>The last day the inspections are stated for: the treaty's last day in force, else the last published figure's date.</summary>
    public LocalDate InspectionsThrough { get; init; }

    /// <summary>The number of published (or derived) values compared.</summary>
    public int Compared => Points.Sum(p => p.Published.Values.Count(f => f.Value is not null));

    /// <summary>The number of those equal to the computed value.</summary>
    public int Matched => Compared - Points.Sum(p => p.Mismatches.Count());

    /// <summary>Whether every published value and breakdown is matched exactly.</summary>
    public bool AllMatch => Matched == Compared && Breakdowns.All(b => b.Matches);
}
