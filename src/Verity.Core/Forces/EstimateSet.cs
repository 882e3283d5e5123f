using System.Collections.Immutable;

namespace Verity.Core.Forces;

/// <summary>Every estimate of a file (the bundled <c>data/forces/estimates.csv</c> or a user's own), in file order.</summary>
/// <param name="Origin">The file the estimates were read from.</param>
/// <param name="Rows">The rows, in file order; none is ever dropped or overwritten.</param>
public sealed record EstimateSet(string Origin, ImmutableArray<Estimate> Rows)
{
    /// <summary>The states the rows speak of, in order of first appearance.</summary>
    public IEnumerable<PartyCode> States => Rows.Select(r => r.State).Distinct();

    /// <summary>The rows for one state's measure, by as-of date then published date.</summary>
    public IEnumerable<Estimate> For(PartyCode state, ForceMeasure measure) =>
        Rows.Where(r => r.State == state && r.Measure == measure).OrderBy(r => r.AsOf).ThenBy(r => r.Published);
}
