using System.Collections.Immutable;

namespace Verity.Core.Analysis.Detection;

/// <summary>What a Monte Carlo run of a regime counted: trials with a finding in each year, and trials whose first finding fell in each year.</summary>
/// <param name="Trials">The trials run.</param>
/// <param name="Seed">The seed of the run.</param>
/// <param name="WithFinding">For each year (index 0 = year 1), the trials with at least one finding in it.</param>
/// <param name="FirstFinding">For each year, the trials whose first finding fell in it.</param>
public sealed record SimulatedFindings(long Trials, long Seed, ImmutableArray<long> WithFinding, ImmutableArray<long> FirstFinding)
{
    /// <summary>Trials with at least one finding in years 1 to <paramref name="year"/>.</summary>
    public long FoundBy(int year) => FirstFinding.Take(year).Sum();
}
