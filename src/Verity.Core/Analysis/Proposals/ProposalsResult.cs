using System.Collections.Immutable;
using Verity.Core.Analysis.Projections;

namespace Verity.Core.Analysis.Proposals;

/// <summary>The drafts compared, with every projection they were set against and what could not be projected.</summary>
/// <param name="Settings">The year, the entry into force assumed, the horizon.</param>
/// <param name="Model">The model asked for; where it does not apply to a state's measure, <c>hold</c> was used (each projection names its own).</param>
/// <param name="Options">The projections' horizon, trials and seed.</param>
/// <param name="Drafts">Each draft compared.</param>
/// <param name="Projections">Every projection made, by state and measure.</param>
/// <param name="Gaps">Each state's measure that could not be projected, and why, as phrases (their English is what the command line prints).</param>
public sealed record ProposalsResult(
    ComparisonSettings Settings,
    ProjectionModel Model,
    ProjectionOptions Options,
    ImmutableArray<DraftComparison> Drafts,
    ImmutableArray<Projection> Projections,
    ImmutableArray<Verity.Core.Text.Phrase> Gaps)
{
    /// <summary>Whether any limit in effect in the year is exceeded on the median path.</summary>
    public bool AnyExceeded => Drafts.Any(d => d.Limits.Any(l => l.Status == ComparisonStatus.Exceeds));
}
