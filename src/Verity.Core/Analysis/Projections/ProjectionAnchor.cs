namespace Verity.Core.Analysis.Projections;

/// <summary>An official projection point an <see cref="ProjectionKind.Anchored"/> model passes through, such as 1,000 by 2030.</summary>
/// <param name="Year">The year the figure is for; placed at 1 January of that year on the projection's time axis.</param>
/// <param name="Value">The central figure.</param>
/// <param name="Low">The low end of the range to draw from; <c>null</c>: the model's default relative spread below the value.</param>
/// <param name="High">The high end of the range to draw from; <c>null</c>: the model's default relative spread above the value.</param>
/// <param name="Source">The URL of the source that gives the figure.</param>
public sealed record ProjectionAnchor(int Year, double Value, double? Low, double? High, string Source);
