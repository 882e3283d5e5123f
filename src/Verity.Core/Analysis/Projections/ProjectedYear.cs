namespace Verity.Core.Analysis.Projections;

/// <summary>One year of a projection: the central path and the Monte Carlo percentiles, as of 1 January of the year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Central">The deterministic path at central parameters (every figure at its central value).</param>
/// <param name="P10">The 10th percentile over the trials.</param>
/// <param name="P50">The median over the trials.</param>
/// <param name="P90">The 90th percentile over the trials.</param>
public sealed record ProjectedYear(int Year, double Central, double P10, double P50, double P90);
