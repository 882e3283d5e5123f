using NodaTime;

namespace Verity.Core.Analysis.Replay;

/// <summary>One published aggregate: a party's value for one limit as of one date, with its source.</summary>
/// <param name="Date">The date the data are as of.</param>
/// <param name="Party">The party.</param>
/// <param name="Measure">The treaty limit the figure counts against, by identifier.</param>
/// <param name="Value">The figure, or <c>null</c> where it was published but no copy could be retrieved, or not provided.</param>
/// <param name="Basis"><c>published</c>; <c>derived</c> (arithmetic on published figures, explained in the note); <c>not-retrieved</c>; <c>not-provided</c>.</param>
/// <param name="Source">Where the figure (or its absence) is documented.</param>
/// <param name="Note">How a derived figure was derived, or why one is absent.</param>
public sealed record PublishedFigure(LocalDate Date, PartyCode Party, string Measure, long? Value, string Basis, string Source, string? Note);
