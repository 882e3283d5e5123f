using NodaTime;

namespace Verity.Core.Forces;

/// <summary>
/// One figure a source gives for one state's measure as of a date: a row of <c>data/forces/estimates.csv</c>.
/// </summary>
/// <param name="State">The state, by ISO 3166-1 alpha-2 code.</param>
/// <param name="Measure">What is counted.</param>
/// <param name="AsOf">The date the figure is for; in the future for an official projection.</param>
/// <param name="Value">The figure; <c>null</c> when the source gives only a range or the state does not disclose it
/// (unknown is never zero).</param>
/// <param name="Low">The low end of the source's range, or a floor ("more than 600"); <c>null</c> when none is given.</param>
/// <param name="High">The high end of the source's range, or a ceiling ("no more than 260"); <c>null</c> when none is given.</param>
/// <param name="Basis">What kind of figure it is.</param>
/// <param name="Source">The URL of the source.</param>
/// <param name="Published">The date the source appeared, so that two editions of one source both stay.</param>
/// <param name="Note">What the source says beside the figure, or the arithmetic that derived it.</param>
/// <param name="Origin">Where the row was read: file and line, for tracing a figure back to its row.</param>
/// <remarks>Invariants (checked by the reader): <c>Low ≤ Value ≤ High</c> where given; an undisclosed row has no value.</remarks>
public sealed record Estimate(
    PartyCode State,
    ForceMeasure Measure,
    LocalDate AsOf,
    long? Value,
    long? Low,
    long? High,
    EstimateBasis Basis,
    string Source,
    LocalDate Published,
    string? Note,
    string Origin)
{
    /// <summary>The figure to use as the centre: the value, else the middle of the range, else the one bound given; <c>null</c> when nothing is known.</summary>
    public double? Central => Value is { } v ? v
        : Low is { } l && High is { } h ? (l + h) / 2.0
        : null;
}
