using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Forces;

/// <summary>The figure believed for one state's measure on a date, the rule that picked it, and every row passed over.</summary>
/// <param name="State">The state.</param>
/// <param name="Measure">The measure.</param>
/// <param name="At">The date asked for.</param>
/// <param name="Picked">The row picked; <c>null</c> when no row is as of that date or before.</param>
/// <param name="Rule">The precedence rule that picked it (<c>unranked</c> when it matched none); <c>null</c> with no pick.</param>
/// <param name="PassedOver">Every other row of the state's measure, with why: rows on or before the date first (latest
/// first), then rows after it.</param>
public sealed record ForceFigure(PartyCode State, ForceMeasure Measure, LocalDate At, Estimate? Picked, string? Rule, ImmutableArray<PassedOver> PassedOver)
{
    /// <summary>The figure; <c>null</c> when unknown: no row, a range only, or an undisclosed row picked. Never 0 for unknown.</summary>
    public long? Value => Picked is { Basis: not EstimateBasis.Undisclosed } p ? p.Value : null;

    /// <summary>Whether the state is on record as not disclosing the figure.</summary>
    public bool IsUndisclosed => Picked?.Basis == EstimateBasis.Undisclosed;
}
