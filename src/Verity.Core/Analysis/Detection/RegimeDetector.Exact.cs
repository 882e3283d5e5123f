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
            return YearTables.Work(model.Sites.Length, inspections) > ExactWorkLimit
                ? null
                : new YearTables(model, inspections, perInspection).NonDetection(loaded.AsSpan());
        }

        return RandomNonDetection(model, hidden.Missiles, inspections, perInspection);
    }

    /// <summary>P(no finding by the end of each year 1..<paramref name="years"/>); <c>null</c> where out of exact reach.</summary>
    private static double[]? CumulativeNonDetection(InspectionModel model, HiddenExcess hidden, int years)
    {
        var loaded = Loaded(model, hidden);
        var m = model.InspectionsPerYear;
        var c = model.MissilesPerInspection;
        if (hidden.Missiles == 0 || m == 0)
        {
            return [.. Enumerable.Repeat(1.0, years)];
        }

        if (!loaded.IsEmpty || hidden.Reloading == Reloading.Yearly || years == 1 || model.Sites.Length == 1)
        {
            // Given the loaded counts at each site, years are independent; a random placement moved each year, too.
            return NonDetection(model, hidden, loaded, m, c) is { } q ? [.. Enumerable.Range(1, years).Select(y => Math.Pow(q, y))] : null;
        }

        return KeptRandomNonDetection(model, hidden.Missiles, m, c, years);
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
        var work = YearTables.Work(sites.Length, inspections) * ((long)most + 1);
        if (work > ExactWorkLimit)
        {
            return null;
        }

        // Forward over the sites: site s takes v of the inspections left with the binomial split the tables hold
        // (w_s over the weight of sites s..S−1), the missiles counted so far carried along.
        var tables = new YearTables(model, inspections, perInspection);
        var state = new double[inspections + 1, most + 1];
        state[0, 0] = 1;
        for (var s = 0; s < sites.Length - 1; s++)
        {
            var binomial = tables.Binomial(s);
            var after = new double[inspections + 1, most + 1];
            for (var j = 0; j <= inspections; j++)
            {
                var left = inspections - j;
                var row = left * (inspections + 1);
                for (var n = 0; n <= most; n++)
                {
                    var p = state[j, n];
                    if (p == 0)
                    {
                        continue;
                    }

                    for (var v = 0; v <= left; v++)
                    {
                        after[j + v, (int)Math.Min(n + Math.Min((long)perInspection * v, sites[s].Missiles), most)] += p * binomial[row + v];
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
    /// P(no finding by the end of each year) when a random placement is kept: Σ over the loaded counts at each site
    /// (multivariate hypergeometric, Π C(D_s, k_s) / C(D, K)) of (that year's non-detection)^y; <c>null</c> when the
    /// counts are too many to list within <see cref="ExactWorkLimit"/>.
    /// </summary>
    private static double[]? KeptRandomNonDetection(InspectionModel model, int loadedMissiles, int inspections, int perInspection, int years)
    {
        var sites = model.Sites;
        var perPlacement = YearTables.Work(sites.Length, inspections) + years;
        var placements = Placements(sites, loadedMissiles, (ExactWorkLimit / perPlacement) + 1);
        if (placements * perPlacement > ExactWorkLimit)
        {
            return null;
        }

        var tables = new YearTables(model, inspections, perInspection);
        var logAll = LogChoose(model.TotalMissiles, loadedMissiles);
        var logWays = sites.Select(s => Enumerable.Range(0, Math.Min(s.Missiles, loadedMissiles) + 1).Select(k => LogChoose(s.Missiles, k)).ToArray()).ToArray();
        var after = new long[sites.Length];
        for (var i = sites.Length - 2; i >= 0; i--)
        {
            after[i] = after[i + 1] + sites[i + 1].Missiles;
        }

        var counts = new int[sites.Length];
        var none = new double[years];
        void Visit(int s, int left, double logWeight)
        {
            if (s == sites.Length - 1)
            {
                counts[s] = left;
                var weight = Math.Exp(logWeight + logWays[s][left]);
                var q = tables.NonDetection(counts);
                var power = 1.0;
                for (var y = 0; y < years; y++)
                {
                    power *= q;
                    none[y] += weight * power;
                }

                return;
            }

            for (var here = (int)Math.Max(0, left - after[s]); here <= Math.Min(left, sites[s].Missiles); here++)
            {
                counts[s] = here;
                Visit(s + 1, left - here, logWeight + logWays[s][here]);
            }
        }

        Visit(0, loadedMissiles, -logAll);
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

    /// <summary>
    /// What one year's exact non-detection with loaded missiles fixed at each site needs, computed once for a model:
    /// the binomial split of inspections between a site and those after it, and each site's hypergeometric terms.
    /// </summary>
    /// <remarks>
    /// R_s(j), the chance that j inspections spread over sites s..S−1 find nothing, is
    /// Σ_v Binomial(v; j, w_s / (w_s + … + w_{S−1})) · H_s(v) · R_{s+1}(j − v), where H_s(v) = C(D_s − k_s, n) / C(D_s, n)
    /// with n = min(c v, D_s): the multinomial split of the inspections taken one site at a time.
    /// </remarks>
    private sealed class YearTables
    {
        private readonly InspectionModel _model;
        private readonly int _inspections;
        private readonly int _perInspection;
        private readonly double[][] _binomial; // per site s < S − 1: [j (m + 1) + v]
        private readonly Dictionary<(int Site, int Loaded), double[]> _terms = [];
        private readonly double[] _next;
        private readonly double[] _current;

        public YearTables(InspectionModel model, int inspections, int perInspection)
        {
            _model = model;
            _inspections = inspections;
            _perInspection = perInspection;
            var sites = model.Sites.Length;
            var weights = model.Weights();
            var logFactorial = LogFactorials(inspections);
            _binomial = new double[Math.Max(0, sites - 1)][];
            var tail = weights[^1];
            for (var s = sites - 2; s >= 0; s--)
            {
                // The chance that an inspection among those left for sites s..S−1 goes to s.
                var logRest = Math.Log(tail);
                tail += weights[s];
                var logP = Math.Log(weights[s] / tail);
                var logQ = logRest - Math.Log(tail);
                var table = new double[(inspections + 1) * (inspections + 1)];
                for (var j = 0; j <= inspections; j++)
                {
                    for (var v = 0; v <= j; v++)
                    {
                        table[(j * (inspections + 1)) + v] = Math.Exp(logFactorial[j] - logFactorial[v] - logFactorial[j - v] + (v * logP) + ((j - v) * logQ));
                    }
                }

                _binomial[s] = table;
            }

            _next = new double[inspections + 1];
            _current = new double[inspections + 1];
        }

        /// <summary>Binomial(v; j, w_s / (w_s + … + w_{S−1})) at [j (Q + 1) + v], for a site before the last.</summary>
        public double[] Binomial(int site) => _binomial[site];

        /// <summary>The steps one evaluation takes: S (Q + 1)(Q + 2) / 2.</summary>
        public static long Work(int sites, int inspections) => sites * ((long)inspections + 1) * ((long)inspections + 2) / 2;

        /// <summary>P(no finding in the year) with <paramref name="loaded"/> missiles at each site.</summary>
        public double NonDetection(ReadOnlySpan<int> loaded)
        {
            var m = _inspections;
            var last = _model.Sites.Length - 1;
            var next = _next;
            var current = _current;
            var terms = Terms(last, loaded[last]);
            Array.Copy(terms, next, m + 1);
            for (var s = last - 1; s >= 0; s--)
            {
                terms = Terms(s, loaded[s]);
                var binomial = _binomial[s];
                var top = s == 0 ? m : 0; // the first site needs only j = m
                for (var j = top; j <= m; j++)
                {
                    double sum = 0;
                    var row = j * (m + 1);
                    for (var v = 0; v <= j; v++)
                    {
                        sum += binomial[row + v] * terms[v] * next[j - v];
                    }

                    current[j] = sum;
                }

                (next, current) = (current, next);
            }

            return next[m];
        }

        private double[] Terms(int site, int loaded)
        {
            if (!_terms.TryGetValue((site, loaded), out var terms))
            {
                var missiles = _model.Sites[site].Missiles;
                terms = new double[_inspections + 1];
                for (var v = 0; v <= _inspections; v++)
                {
                    terms[v] = AttributeSampling.NonDetection(missiles, loaded, Math.Min((long)_perInspection * v, missiles));
                }

                _terms[(site, loaded)] = terms;
            }

            return terms;
        }
    }
}
