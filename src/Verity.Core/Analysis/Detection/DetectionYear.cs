namespace Verity.Core.Analysis.Detection;

/// <summary>One treaty year of a regime's detection: the chance of a finding in that year, and of one by its end.</summary>
/// <param name="Year">The year, 1 for the first year modelled.</param>
/// <param name="Exact">P(at least one finding in this year), exact; <c>null</c> where the structure allows no exact value within bounds.</param>
/// <param name="Simulated">The same by Monte Carlo, with its interval.</param>
/// <param name="CumulativeExact">P(at least one finding in years 1 to <see cref="Year"/>), exact; <c>null</c> likewise.</param>
/// <param name="CumulativeSimulated">The same by Monte Carlo.</param>
public sealed record DetectionYear(int Year, double? Exact, ProportionEstimate Simulated, double? CumulativeExact, ProportionEstimate CumulativeSimulated);
