namespace Verity.Core.Analysis.Detection;

/// <summary>
/// A probability estimated by simulation: <see cref="Hits"/> of <see cref="Trials"/>, with its Wilson score interval
/// at 95 % (Wilson 1927; it stays inside [0, 1] and holds up near 0 and 1, where the normal interval does not).
/// </summary>
/// <param name="Hits">Trials in which the event happened.</param>
/// <param name="Trials">Trials run; at least 1.</param>
public sealed record ProportionEstimate(long Hits, long Trials)
{
    /// <summary>z for a two-sided 95 % interval: Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Hits / Trials.</summary>
    public double Value => (double)Hits / Trials;

    /// <summary>The lower end of the 95 % Wilson interval.</summary>
    public double Low => Interval(Hits, Trials, Z95).Low;

    /// <summary>The upper end of the 95 % Wilson interval.</summary>
    public double High => Interval(Hits, Trials, Z95).High;

    /// <summary>Whether <paramref name="p"/> lies in the 95 % interval.</summary>
    public bool Contains(double p) => p >= Low && p <= High;

    /// <summary>The Wilson score interval for <paramref name="hits"/> of <paramref name="trials"/> at the normal quantile <paramref name="z"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one trial, or hits outside [0, trials].</exception>
    public static (double Low, double High) Interval(long hits, long trials, double z)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(hits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hits, trials);
        var n = (double)trials;
        var p = hits / n;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
