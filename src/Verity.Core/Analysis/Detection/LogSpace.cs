namespace Verity.Core.Analysis.Detection;

/// <summary>
/// Arithmetic in log space: differences of ln Γ computed without forming ln Γ itself, so that N = 10,000,000 neither overflows nor loses the
/// digits that matter: ln Γ(10⁷) is about 1.5 × 10⁸, and two such values subtracted keep only 8 of a double's 16 digits.
/// </summary>
internal static class LogSpace
{
    /// <summary>Below this argument Stirling's series is not used: the recurrence ln Γ(z) = ln Γ(z + 1) − ln z moves up to it.</summary>
    private const double StirlingFrom = 16;

    /// <summary>
    /// D(x, t) − D(x + u, t), where D(z, t) = ln Γ(z + t) − ln Γ(z), for x ≥ 1 and t, u ≥ 0: the log of the
    /// hypergeometric non-detection probability with x = N − M − n + 1, t = min(M, n), u = max(M, n) (see
    /// <see cref="AttributeSampling.LogNonDetection"/>). Relative error a few units of 10⁻¹⁶ (the tests check it against
    /// the exact ratio of binomials for every N up to 60, and against the product form at N = 10⁷).
    /// </summary>
    /// <remarks>
    /// With Stirling's series ln Γ(z) = (z − ½) ln z − z + ½ ln 2π + S(z) and y = x + u,
    /// D(x, t) − D(y, t) = −t log1p(u / (x + t)) + (x − ½) log1p(t u / (x (y + t))) − u log1p(t / y)
    /// + S(x + t) − S(x) − S(y + t) + S(y): every term is a log1p of a small ratio, so nothing large cancels. Below
    /// <see cref="StirlingFrom"/>, D(z, t) = D(z + 1, t) − log1p(t / z) moves x and y up first.
    /// </remarks>
    public static double DifferenceOfRatios(double x, double t, double u)
    {
        var y = x + u;
        double shifted = 0;
        while (x < StirlingFrom)
        {
            shifted -= LogOnePlus(t / x);
            x += 1;
        }

        while (y < StirlingFrom)
        {
            shifted += LogOnePlus(t / y);
            y += 1;
        }

        u = y - x;
        return shifted
            - (t * LogOnePlus(u / (x + t)))
            + ((x - 0.5) * LogOnePlus(t * u / (x * (y + t))))
            - (u * LogOnePlus(t / y))
            + (Series(x + t) - Series(x) - Series(y + t) + Series(y));
    }

    /// <summary>ln(1 + x), accurate for small x (.NET's <c>double.LogP1</c> forms 1 + x first).</summary>
    public static double LogOnePlus(double x)
    {
        // Goldberg, "What every computer scientist should know about floating-point arithmetic" (1991), Theorem 4:
        // ln(1 + x) = x ln(w) / (w − 1) with w = 1 ⊕ x, within a few ulps for every x > −1.
        var w = 1 + x;
        return w == 1 ? x : Math.Log(w) * x / (w - 1);
    }

    /// <summary>eˣ − 1, accurate for small x (.NET's <c>double.ExpM1</c> forms eˣ first).</summary>
    public static double ExpMinusOne(double x)
    {
        // Kahan's trick (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §1.14.1): with w = e ⊗ x,
        // eˣ − 1 = (w − 1) x / ln w, within a few ulps.
        var w = Math.Exp(x);
        if (w == 1)
        {
            return x;
        }

        var wm1 = w - 1;
        return wm1 == -1 ? -1 : double.IsPositiveInfinity(w) ? w : wm1 * x / Math.Log(w);
    }

    /// <summary>S(z), the tail of Stirling's series to the z⁻⁹ term: truncation below 10⁻¹⁶ for z ≥ 16.</summary>
    private static double Series(double z)
    {
        var r = 1 / z;
        var r2 = r * r;
        return r * ((1.0 / 12) - (r2 * ((1.0 / 360) - (r2 * ((1.0 / 1260) - (r2 * ((1.0 / 1680) - (r2 / 1188))))))));
    }
}
