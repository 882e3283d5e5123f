using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Analysis.Projections;
using Verity.Core.Analysis.Proposals;
using Verity.Core.Forces;

namespace Verity.Reports.Successor;

/// <summary>What the successor report shows: the states' sourced figures on a date, parity years, and drafts compared under projections.</summary>
/// <param name="Estimates">The estimates everything rests on (points on the fan charts, with their sources).</param>
/// <param name="Comparison">The drafts compared, with the projections they were set against.</param>
/// <param name="TodayAt">The date of <paramref name="Today"/>; <c>null</c> when the page has no such section.</param>
/// <param name="Today">Each state's figure per measure on <paramref name="TodayAt"/>, as precedence picks it; empty for none.</param>
/// <param name="Parities">When one state's measure reaches another's; empty for none.</param>
public sealed record SuccessorPage(
    EstimateSet Estimates,
    ProposalsResult Comparison,
    LocalDate? TodayAt = null,
    ImmutableArray<ForceFigure> Today = default,
    ImmutableArray<Parity> Parities = default)
{
    /// <summary>The figures on <see cref="TodayAt"/>; empty for none.</summary>
    public ImmutableArray<ForceFigure> Today { get; init; } = Today.IsDefault ? [] : Today;

    /// <summary>The parity years; empty for none.</summary>
    public ImmutableArray<Parity> Parities { get; init; } = Parities.IsDefault ? [] : Parities;
}
