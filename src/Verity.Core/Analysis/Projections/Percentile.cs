namespace Verity.Core.Analysis.Projections;

/// <summary>Percentiles of a sample by linear interpolation between order statistics (Hyndman and Fan's type 7, numpy's default).</summary>
internal static class Percentile
{
    /// <summary>The p-th quantile (0 ≤ p ≤ 1) of <paramref name="sorted"/>, which is in ascending order and not empty.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }
}
