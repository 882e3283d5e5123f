using System.Collections.Immutable;

namespace Verity.Core.Analysis.Detection;

public static partial class RegimeDetector
{
    /// <summary>One year's P(no finding) with <paramref name="inspections"/> and <paramref name="perInspection"/>; <c>null</c> beyond <see cref="ExactWorkLimit"/>.</summary>
    private static double? NonDetection(InspectionModel model, HiddenExcess hidden, ImmutableArray<int> loaded, int inspections, int perInspection)
    {
        if (hidden.Missiles == 0 || inspections == 0)
        {
            return 1;
        }

        if (!loaded.IsEmpty)
        {
            return FixedWork(model.Sites.Length, inspections) > ExactWorkLimit
                ? null
                : FixedNonDetection(model, loaded.AsSpan(), inspections, perInspection)[inspections];
        }

        return RandomNonDetection(model, hidden.Missiles, inspections, perInspection);
    }

    private static long FixedWork(int sites, int inspections) => sites * ((long)inspections + 1) * ((long)inspections + 2) / 2;

    /// <summary>
    /// P(no finding in a year) for every quota j from 0 to <paramref name="inspections"/>, with <paramref name="loaded"/>
    /// missiles fixed at each site. R_s(j), the chance that j inspections spread over sites s..S−1 find nothing, is
    /// Σ_v Binomial(v; j, w_s / (w_s + … + w_{S−1})) · H_s(v) · R_{s+1}(j − v), where H_s(v) = C(D_s − k_s, n) / C(D_s, n)
    /// with n = min(c v, D_s): the multinomial split of the inspections taken one site at a time.
    /// </summary>
    private static double[] FixedNonDetection(InspectionModel model, ReadOnlySpan<int> loaded, int inspections, int perInspection)
    {
        var sites = model.Sites;
        var weights = model.Weights();
        var logFactorial = LogFactorials(inspections);
        var last = sites.Length - 1;
        var next = new double[inspections + 1];
        for (var j = 0; j <= inspections; j++)
        {
            next[j] = SiteNonDetection(sites[last].Missiles, loaded[last], j, perInspection);
        }

        var tail = weights[last];
        var site = new double[inspections + 1];
        for (var s = last - 1; s >= 0; s--)
        {
            // The chance that an inspection among those left for sites s..S−1 goes to s.
            var logRest = Math.Log(tail);
            tail += weights[s];
            var logP = Math.Log(weights[s] / tail);
            var logQ = logRest - Math.Log(tail);
            for (var v = 0; v <= inspections; v++)
            {
                site[v] = SiteNonDetection(sites[s].Missiles, loaded[s], v, perInspection);
            }

            var current = new double[inspections + 1];
            for (var j = 0; j <= inspections; j++)
            {
                double sum = 0;
                for (var v = 0; v <= j; v++)
                {
                    if (site[v] == 0 || next[j - v] == 0)
                    {
                        continue;
                    }

                    var binomial = Math.Exp(logFactorial[j] - logFactorial[v] - logFactorial[j - v] + (v * logP) + ((j - v) * logQ));
                    sum += binomial * site[v] * next[j - v];
                }

                current[j] = sum;
            }

            next = current;
        }

        return next;
    }

    /// <summary>
    /// One year's P(no finding) when the K loaded missiles are a uniform random choice among all D: independent of what
    /// is counted, so it is C(D − K, n) / C(D, n) averaged over n, the distinct missiles counted. n = c·Q unless a site
    /// can run out of missiles; then the distribution of n is built site by site over (inspections used, missiles counted).
    /// </summary>
    private static double? RandomNonDetection(InspectionModel model, int loadedMissiles, int inspections, int perInspection)
    {
        var sites = model.Sites;
        var total = model.TotalMissiles;
        var counted = (long)perInspection * inspections;
        if (counted <= sites.Min(s => s.Missiles))
        {
            return AttributeSampling.NonDetection(total, loadedMissiles, counted);
        }

        var most = (int)Math.Min(counted, total);
        var work = sites.Length * ((long)inspections + 1) * ((long)inspections + 2) / 2 * ((long)most + 1);
        if (work > ExactWorkLimit)
        {
            return null;
        }

        var weights = model.Weights();
        var logFactorial = LogFactorials(inspections);
        var rest = weights.Sum();
        var state = new double[inspections + 1, most + 1];
        state[0, 0] = 1;
        for (var s = 0; s < sites.Length - 1; s++)
        {
            var logP = Math.Log(weights[s] / rest);
            var logQ = Math.Log((rest - weights[s]) / rest);
            rest -= weights[s];
            var after = new double[inspections + 1, most + 1];
            for (var j = 0; j <= inspections; j++)
            {
                var left = inspections - j;
                for (var n = 0; n <= most; n++)
                {
                    var p = state[j, n];
                    if (p == 0)
                    {
                        continue;
                    }

                    for (var v = 0; v <= left; v++)
                    {
                        var binomial = Math.Exp(logFactorial[left] - logFactorial[v] - logFactorial[left - v] + (v * logP) + ((left - v) * logQ));
                        after[j + v, (int)Math.Min(n + Math.Min((long)perInspection * v, sites[s].Missiles), most)] += p * binomial;
                    }
                }
            }

            state = after;
        }

        double none = 0;
        var lastSite = sites[^1].Missiles;
        for (var j = 0; j <= inspections; j++)
        {
            for (var n = 0; n <= most; n++)
            {
                if (state[j, n] > 0)
                {
                    var all = Math.Min(n + Math.Min((long)perInspection * (inspections - j), lastSite), total);
                    none += state[j, n] * AttributeSampling.NonDetection(total, loadedMissiles, all);
                }
            }
        }

        return none;
    }

    /// <summary>
    /// P(no finding in <paramref name="years"/> years) when a random placement is kept: Σ over the loaded counts at each
    /// site (multivariate hypergeometric, Π C(D_s, k_s) / C(D, K)) of (that year's non-detection)^Y; <c>null</c> when
    /// the counts are too many to list within <see cref="ExactWorkLimit"/>.
    /// </summary>
    private static double? KeptRandomNonDetection(InspectionModel model, int loadedMissiles, int inspections, int perInspection, int years)
    {
        var sites = model.Sites;
        var perPlacement = FixedWork(sites.Length, inspections);
        var placements = Placements(sites, loadedMissiles, ExactWorkLimit / perPlacement + 1);
        if (placements * perPlacement > ExactWorkLimit)
        {
            return null;
        }

        var logAll = LogChoose(model.TotalMissiles, loadedMissiles);
        var counts = new int[sites.Length];
        double none = 0;
        void Visit(int s, int left)
        {
            if (s == sites.Length - 1)
            {
                counts[s] = left;
                double logWeight = -logAll;
                for (var i = 0; i < sites.Length; i++)
                {
                    logWeight += LogChoose(sites[i].Missiles, counts[i]);
                }

                var q = FixedNonDetection(model, counts, inspections, perInspection)[inspections];
                none += Math.Exp(logWeight) * Math.Pow(q, years);
                return;
            }

            var after = 0L;
            for (var i = s + 1; i < sites.Length; i++)
            {
                after += sites[i].Missiles;
            }

            for (var here = (int)Math.Max(0, left - after); here <= Math.Min(left, sites[s].Missiles); here++)
            {
                counts[s] = here;
                Visit(s + 1, left - here);
            }
        }

        Visit(0, loadedMissiles);
        return none;
    }

    /// <summary>How many ways K loaded missiles split over the sites (each within its site), counted up to <paramref name="cap"/>.</summary>
    private static long Placements(ImmutableArray<InspectionSite> sites, int loadedMissiles, long cap)
    {
        var ways = new long[loadedMissiles + 1];
        ways[0] = 1;
        foreach (var site in sites)
        {
            var next = new long[loadedMissiles + 1];
            for (var k = 0; k <= loadedMissiles; k++)
            {
                long sum = 0;
                for (var here = 0; here <= Math.Min(k, site.Missiles) && sum < cap; here++)
                {
                    sum += ways[k - here];
                }

                next[k] = Math.Min(sum, cap);
            }

            ways = next;
        }

        return ways[loadedMissiles];
    }

    /// <summary>H_s(v): P(no loaded missile among those v inspections count at a site).</summary>
    private static double SiteNonDetection(int missiles, int loaded, int visits, int perInspection) =>
        AttributeSampling.NonDetection(missiles, loaded, Math.Min((long)perInspection * visits, missiles));

    /// <summary>ln C(n, k) = −[D(1, k) − D(n − k + 1, k)] with D(z, t) = ln Γ(z + t) − ln Γ(z).</summary>
    private static double LogChoose(long n, long k) => -LogSpace.DifferenceOfRatios(1, k, n - k);

    private static double[] LogFactorials(int n)
    {
        var table = new double[n + 1];
        for (var i = 2; i <= n; i++)
        {
            table[i] = table[i - 1] + Math.Log(i);
        }

        return table;
    }
}
