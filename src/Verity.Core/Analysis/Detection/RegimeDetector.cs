using System.Collections.Immutable;

namespace Verity.Core.Analysis.Detection;

/// <summary>
/// The chance that an inspection regime finds warheads hidden as extra reentry vehicles: exact where the structure
/// allows, by seeded Monte Carlo always, the two side by side (DESIGN.md, "Statistics and projections").
/// </summary>
/// <remarks>
/// <para>The model, in full (<see cref="Assumptions"/> says it in words for each output):</para>
/// <list type="number">
/// <item>Each of the Q inspections of a treaty year chooses its site independently by <see cref="SiteSelection"/>;
/// a site may be chosen more than once a year.</item>
/// <item>At the site it counts the reentry vehicles of c missiles chosen uniformly among the site's missiles not yet
/// counted that treaty year (all that are left, when fewer).</item>
/// <item>A finding is a counted missile carrying more than declared: counting is exact, and nothing is moved once
/// the site is designated.</item>
/// <item>K missiles carry the excess, placed by <see cref="HiddenPlacement"/>, kept or moved each year by
/// <see cref="Reloading"/>; the inspectors' choices are independent of where the excess is, and of earlier years.</item>
/// </list>
/// <para>Exact: with loaded missiles k_s fixed at each site, one year's non-detection is a sum over the multinomial
/// split of the Q inspections among the sites of the product of the sites' hypergeometric terms
/// C(D_s − k_s, n_s) / C(D_s, n_s), n_s = min(c v_s, D_s), summed site by site (binomial splits, O(S Q²)). With a
/// random placement the loaded set is independent of what is counted, so the year's non-detection is
/// C(D − K, n) / C(D, n) averaged over the number n of distinct missiles counted (n = cQ unless a site runs out).
/// Over Y years, years are independent given the loaded counts: (non-detection)^Y; a random placement kept over
/// the years is averaged over its multivariate hypergeometric counts when they are few enough to list.</para>
/// </remarks>
public static partial class RegimeDetector
{
    /// <summary>The largest quota <see cref="WhatItTakes"/> searches.</summary>
    public const int MaxInspections = 1000;

    /// <summary>The most elementary steps an exact value may take; beyond, the value is <c>null</c> and Monte Carlo stands alone.</summary>
    public const long ExactWorkLimit = 200_000_000;

    /// <summary>The largest number of trials <see cref="Simulate"/> runs.</summary>
    public const long MaxTrials = 100_000_000;

    /// <summary>
    /// The most random draws one simulation may ask for (<see cref="Draws"/>): a few minutes on a laptop core, so that
    /// no request (a quota of 100,000 over 100,000 trials, say) runs for hours.
    /// </summary>
    public const double MaxDraws = 5e9;

    /// <summary>
    /// An upper bound on the random draws <see cref="Simulate"/> takes: per trial and year, a site and the missiles
    /// counted for each inspection, and the loaded missiles placed anew.
    /// </summary>
    public static double Draws(InspectionModel model, HiddenExcess hidden, int years, long trials)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hidden);
        return (double)trials * years * (((double)model.InspectionsPerYear * (1 + model.MissilesPerInspection)) + hidden.Missiles);
    }

    /// <summary>The most treaty years modelled.</summary>
    public const int MaxYears = 100;

    /// <summary>
    /// The loaded missiles at each site when the placement fixes them (even, concentrated, given), in site order;
    /// empty for a random placement (they are drawn).
    /// </summary>
    /// <exception cref="ArgumentException">The model or the excess is not a valid one (see <see cref="Check"/>).</exception>
    public static ImmutableArray<int> Loaded(InspectionModel model, HiddenExcess hidden)
    {
        Check(model, hidden);
        var sites = model.Sites;
        var loaded = new int[sites.Length];
        var left = hidden.Missiles;
        switch (hidden.Placement)
        {
            case HiddenPlacement.Random:
                return [];
            case HiddenPlacement.Given:
                return hidden.Given;
            case HiddenPlacement.Even:
                while (left > 0)
                {
                    for (var s = 0; s < sites.Length && left > 0; s++)
                    {
                        if (loaded[s] < sites[s].Missiles)
                        {
                            loaded[s]++;
                            left--;
                        }
                    }
                }

                break;
            case HiddenPlacement.Concentrated:
                foreach (var s in Enumerable.Range(0, sites.Length).OrderByDescending(i => sites[i].Missiles).ThenBy(i => i))
                {
                    loaded[s] = Math.Min(left, sites[s].Missiles);
                    left -= loaded[s];
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(hidden), hidden.Placement, "Unknown placement.");
        }

        return [.. loaded];
    }

    /// <summary>P(at least one finding in a treaty year), exact; <c>null</c> when it would take more than <see cref="ExactWorkLimit"/> steps.</summary>
    /// <exception cref="ArgumentException">The model or the excess is not a valid one.</exception>
    public static double? ExactPerYear(InspectionModel model, HiddenExcess hidden)
    {
        Check(model, hidden);
        return 1 - NonDetection(model, hidden, Loaded(model, hidden), model.InspectionsPerYear, model.MissilesPerInspection);
    }

    /// <summary>P(at least one finding in treaty years 1 to <paramref name="years"/>), exact; <c>null</c> when the structure allows no exact value within <see cref="ExactWorkLimit"/>.</summary>
    /// <exception cref="ArgumentException">The model or the excess is not a valid one, or years is outside 1 to <see cref="MaxYears"/>.</exception>
    public static double? ExactCumulative(InspectionModel model, HiddenExcess hidden, int years)
    {
        Check(model, hidden);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, MaxYears);
        return CumulativeNonDetection(model, hidden, years) is { } none ? 1 - none[^1] : null;
    }

    /// <summary>
    /// Runs <paramref name="trials"/> trials of <paramref name="years"/> treaty years with xoshiro256** seeded by
    /// <paramref name="seed"/>: per trial the loaded missiles are placed (drawn for a random placement, once or each
    /// year), then each year's inspections choose sites and count missiles as the model says.
    /// </summary>
    /// <exception cref="ArgumentException">The model or the excess is not a valid one, or trials or years out of range.</exception>
    public static SimulatedFindings Simulate(InspectionModel model, HiddenExcess hidden, int years, long trials, long seed)
    {
        Check(model, hidden);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, MaxYears);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trials, MaxTrials);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Draws(model, hidden, years, trials), MaxDraws, nameof(trials));

        var sites = model.Sites.Length;
        var missiles = model.Sites.Select(s => s.Missiles).ToArray();
        var total = (int)model.TotalMissiles;
        var siteOf = model.Selection == SiteSelection.ByMissiles ? SiteOfMissile(missiles, total) : null;
        var fixedLoad = Loaded(model, hidden);
        var drawn = fixedLoad.IsEmpty && hidden.Missiles > 0;
        var loaded = fixedLoad.IsEmpty ? new int[sites] : [.. fixedLoad];
        var remaining = new int[sites];
        var loadedLeft = new int[sites];
        var withFinding = new long[years];
        var firstFinding = new long[years];
        var m = model.InspectionsPerYear;
        var c = model.MissilesPerInspection;
        var k = hidden.Missiles;
        var generator = Xoshiro256StarStar.Create(unchecked((ulong)seed));
        for (long trial = 0; trial < trials; trial++)
        {
            var found = false;
            for (var y = 0; y < years; y++)
            {
                if (drawn && (y == 0 || hidden.Reloading == Reloading.Yearly))
                {
                    Place(ref generator, missiles, total, k, loaded);
                }

                if (YearFinds(ref generator, missiles, loaded, remaining, loadedLeft, siteOf, m, c))
                {
                    withFinding[y]++;
                    if (!found)
                    {
                        firstFinding[y]++;
                        found = true;
                    }
                }
            }
        }

        return new SimulatedFindings(trials, seed, [.. withFinding], [.. firstFinding]);
    }

    /// <summary>Exact and simulated, year by year, with the model's assumptions in words.</summary>
    /// <exception cref="ArgumentException">The model or the excess is not a valid one, or trials or years out of range.</exception>
    public static RegimeDetection Evaluate(InspectionModel model, HiddenExcess hidden, int years, long trials, long seed)
    {
        var simulation = Simulate(model, hidden, years, trials, seed);
        var perYear = ExactPerYear(model, hidden);
        var none = CumulativeNonDetection(model, hidden, years);
        var byYear = ImmutableArray.CreateBuilder<DetectionYear>(years);
        for (var y = 1; y <= years; y++)
        {
            byYear.Add(new DetectionYear(
                y,
                perYear,
                new ProportionEstimate(simulation.WithFinding[y - 1], trials),
                none is null ? (y == 1 ? perYear : null) : 1 - none[y - 1],
                new ProportionEstimate(simulation.FoundBy(y), trials)));
        }

        return new RegimeDetection(model, hidden, Loaded(model, hidden), years, byYear.MoveToImmutable(), simulation, Assumptions(model, hidden, years));
    }

    /// <summary>
    /// What it takes to reach <paramref name="goal"/> per treaty year: the smallest quota (the model's missiles per
    /// inspection held), and the smallest number of missiles counted per inspection (the model's quota held), each exact.
    /// </summary>
    /// <exception cref="ArgumentException">The model or the excess is not a valid one, or the goal is outside (0, 1).</exception>
    public static DetectionGoal WhatItTakes(InspectionModel model, HiddenExcess hidden, double goal)
    {
        Check(model, hidden);
        if (!(goal > 0 && goal < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(goal), goal, "A detection goal is a probability strictly between 0 and 1.");
        }

        var loaded = Loaded(model, hidden);
        var largestSite = model.Sites.Max(s => s.Missiles);
        var (inspections, byInspections) = Smallest(MaxInspections, m => Detection(model, hidden, loaded, m, model.MissilesPerInspection), goal);
        var (perInspection, byPerInspection) = model.InspectionsPerYear == 0
            ? (null, null)
            : Smallest(largestSite, c => Detection(model, hidden, loaded, model.InspectionsPerYear, c), goal);
        return new DetectionGoal(goal, inspections, byInspections, perInspection, byPerInspection, MaxInspections);
    }

    /// <summary>
    /// Checks a model and an excess together (a caller's bug otherwise): the model's own checks; E ≥ 0; K = 0 when
    /// E = 0, else 1 ≤ K ≤ E and K ≤ the missiles; given counts one per site, within each site, summing to K; at most
    /// <see cref="int.MaxValue"/> missiles in all.
    /// </summary>
    /// <exception cref="ArgumentException">Any of these fails.</exception>
    public static void Check(InspectionModel model, HiddenExcess hidden)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hidden);
        model.Check();
        if (model.TotalMissiles > int.MaxValue)
        {
            throw new ArgumentException($"{model.TotalMissiles} missiles in all: at most {int.MaxValue}.", nameof(model));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(hidden.Warheads);
        if (hidden.Warheads == 0 ? hidden.Missiles != 0 : hidden.Missiles < 1 || hidden.Missiles > hidden.Warheads)
        {
            throw new ArgumentException($"{hidden.Warheads} hidden warheads cannot be carried by {hidden.Missiles} missiles: expected 1 to {hidden.Warheads} (0 when none are hidden).", nameof(hidden));
        }

        if (hidden.Missiles > model.TotalMissiles)
        {
            throw new ArgumentException($"{hidden.Missiles} loaded missiles, but the sites hold {model.TotalMissiles}.", nameof(hidden));
        }

        if (hidden.Placement == HiddenPlacement.Given)
        {
            var given = hidden.Given;
            if (given.IsDefault || given.Length != model.Sites.Length || given.Where((g, s) => g < 0 || g > model.Sites[s].Missiles).Any() || given.Sum() != hidden.Missiles)
            {
                throw new ArgumentException($"The given placement needs one count per site ({model.Sites.Length}), each within its site, summing to {hidden.Missiles}.", nameof(hidden));
            }
        }
    }

    /// <summary>The smallest x in 1..max whose probability reaches the goal (it grows with x), by doubling then bisection; (null, null) when none does or an exact value is out of reach.</summary>
    private static (int? At, double? Probability) Smallest(int max, Func<int, double?> probability, double goal)
    {
        var low = 0;
        var high = 1;
        double? atHigh;
        while (true)
        {
            atHigh = probability(high);
            if (atHigh is null)
            {
                return (null, null);
            }

            if (atHigh >= goal)
            {
                break;
            }

            if (high == max)
            {
                return (null, null);
            }

            low = high;
            high = Math.Min(max, high * 2);
        }

        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var p = probability(middle);
            if (p is null)
            {
                return (null, null);
            }

            if (p >= goal)
            {
                (high, atHigh) = (middle, p);
            }
            else
            {
                low = middle;
            }
        }

        return (high, atHigh);
    }

    private static double? Detection(InspectionModel model, HiddenExcess hidden, ImmutableArray<int> loaded, int inspections, int perInspection) =>
        1 - NonDetection(model, hidden, loaded, inspections, perInspection);
}
