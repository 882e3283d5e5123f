namespace Verity.Core.Forces;

/// <summary>One figure of a force structure: a number with its source, an illustrative number, or the figure the
/// estimates give for a measure on the date being built.</summary>
/// <param name="Value">The number; <c>null</c> when it is taken from the estimates (<paramref name="FromEstimates"/>).</param>
/// <param name="Source">The URL the number comes from; <c>null</c> for an illustrative number or one from the estimates.</param>
/// <param name="Illustrative">Whether no reference gives the number: it shapes the items, and is labelled.</param>
/// <param name="FromEstimates">The measure whose picked estimate gives the number on the date built, such as
/// <c>reserve</c>; <c>null</c> for a number written in the file.</param>
public sealed record StructureFigure(long? Value, string? Source, bool Illustrative, ForceMeasure? FromEstimates = null);
