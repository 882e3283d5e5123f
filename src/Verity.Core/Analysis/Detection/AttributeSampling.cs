namespace Verity.Core.Analysis.Detection;

/// <summary>
/// Attribute sampling as the IAEA uses it: n items drawn at random without replacement from a stratum of N, of which M
/// are defective (falsified); the inspection detects when at least one defective item is drawn. The exact probability is
/// hypergeometric, P(no defective drawn) = C(N − M, n) / C(N, n), computed in log space; beside it the IAEA's
/// approximation P ≈ (1 − n / N)^M and its sample size n = N (1 − β^(1/M)).
/// </summary>
/// <remarks>
/// No false alarms and no missed defects: a drawn defective item is always recognised (attribute testing with a
/// detection probability of 1 per item). Counts are <see cref="long"/> up to <see cref="MaxPopulation"/>, where a double
/// still holds every count exactly.
/// </remarks>
public static class AttributeSampling
{
    /// <summary>The largest population accepted: 2⁵⁰, so that every count is exact as a double.</summary>
    public const long MaxPopulation = 1L << 50;

    /// <summary>
    /// ln P(no defective among <paramref name="samples"/> drawn): ln [C(N − M, n) / C(N, n)]; 0 when M or n is 0,
    /// −∞ when n &gt; N − M (a defective must be drawn).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, N exceeds <see cref="MaxPopulation"/>, or M or n exceeds N.</exception>
    public static double LogNonDetection(long population, long defects, long samples)
    {
        Check(population, defects, samples);
        if (defects == 0 || samples == 0)
        {
            return 0;
        }

        if (samples > population - defects)
        {
            return double.NegativeInfinity;
        }

        // C(N − M, n) / C(N, n) = Γ(N−M+1) Γ(N−n+1) / (Γ(N+1) Γ(N−M−n+1)) = D(x, t) − D(x + u, t) with
        // D(z, t) = ln Γ(z + t) − ln Γ(z), x = N − M − n + 1, t = min(M, n), u = max(M, n) (symmetric in M and n).
        var t = Math.Min(defects, samples);
        var u = Math.Max(defects, samples);
        return LogSpace.DifferenceOfRatios(population - defects - samples + 1, t, u);
    }

    /// <summary>P(no defective drawn), exact (hypergeometric).</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="LogNonDetection"/>.</exception>
    public static double NonDetection(long population, long defects, long samples) => Math.Exp(LogNonDetection(population, defects, samples));

    /// <summary>P(at least one defective drawn), exact (hypergeometric): 1 − <see cref="NonDetection"/>, formed as −expm1 so that small values keep their digits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="LogNonDetection"/>.</exception>
    public static double Detection(long population, long defects, long samples) => -LogSpace.ExpMinusOne(LogNonDetection(population, defects, samples));

    /// <summary>The IAEA's approximation of the detection probability: 1 − (1 − n / N)^M (each defective item missed independently).</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="LogNonDetection"/>.</exception>
    public static double ApproximateDetection(long population, long defects, long samples)
    {
        Check(population, defects, samples);
        return samples == population && defects > 0 ? 1 : -LogSpace.ExpMinusOne(defects * LogSpace.LogOnePlus(-(double)samples / population));
    }

    /// <summary>
    /// The smallest n whose exact detection probability reaches <paramref name="goal"/> (1 − β), by bisection on the
    /// exact value (it grows with n); <c>null</c> when no n does (M = 0: nothing to detect).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count out of range, or the goal outside (0, 1).</exception>
    public static long? SamplesForGoal(long population, long defects, double goal)
    {
        Check(population, defects, 0);
        CheckGoal(goal);
        if (defects == 0)
        {
            return null;
        }

        // Detection(0) = 0 < goal; Detection(N − M + 1) = 1 ≥ goal.
        long low = 0;
        var high = population - defects + 1;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (Detection(population, defects, middle) >= goal)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }

    /// <summary>
    /// The IAEA's sample size for a detection goal 1 − β: n = N (1 − β^(1/M)), from the approximation
    /// (1 − n / N)^M = β, as a real number (round it up for a sample); <c>null</c> when M = 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count out of range, or the goal outside (0, 1).</exception>
    public static double? IaeaSamples(long population, long defects, double goal)
    {
        Check(population, defects, 0);
        CheckGoal(goal);
        return defects == 0 ? null : -population * LogSpace.ExpMinusOne(Math.Log(1 - goal) / defects);
    }

    /// <summary>Everything at once: the detection probability of <paramref name="samples"/> (when given), and the samples a goal needs, exact and approximate.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count out of range, or the goal outside (0, 1).</exception>
    public static AttributeSample Evaluate(long population, long defects, long? samples, double goal)
    {
        Check(population, defects, samples ?? 0);
        CheckGoal(goal);
        var iaea = IaeaSamples(population, defects, goal);
        return new AttributeSample(
            population,
            defects,
            samples,
            samples is { } n ? Detection(population, defects, n) : null,
            samples is { } m ? ApproximateDetection(population, defects, m) : null,
            goal,
            SamplesForGoal(population, defects, goal),
            iaea,
            iaea is { } x ? (long)Math.Ceiling(x) : null);
    }

    private static void Check(long population, long defects, long samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(population, MaxPopulation);
        ArgumentOutOfRangeException.ThrowIfNegative(defects);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(defects, population);
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, population);
    }

    private static void CheckGoal(double goal)
    {
        if (!(goal > 0 && goal < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(goal), goal, "A detection goal is a probability strictly between 0 and 1.");
        }
    }
}
