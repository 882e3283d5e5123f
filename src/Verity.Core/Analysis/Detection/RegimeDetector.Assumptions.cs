using System.Collections.Immutable;
using System.Globalization;

namespace Verity.Core.Analysis.Detection;

public static partial class RegimeDetector
{
    /// <summary>The model's assumptions in words, with its numbers, for the footer of a table or the JSON.</summary>
    /// <exception cref="ArgumentException">The model or the excess is not a valid one.</exception>
    public static ImmutableArray<string> Assumptions(InspectionModel model, HiddenExcess hidden, int years)
    {
        Check(model, hidden);
        var c = model.MissilesPerInspection;
        var (each, oneMore) = hidden.Split;
        var carried = hidden.Warheads == 0
            ? "No warheads are hidden: no finding is possible."
            : hidden.Missiles == hidden.Warheads
                ? $"{N(hidden.Warheads)} excess warheads are carried as one extra reentry vehicle on each of {N(hidden.Missiles)} deployed missiles."
                : $"{N(hidden.Warheads)} excess warheads are carried as extra reentry vehicles on {N(hidden.Missiles)} deployed missiles ({each} extra each{(oneMore > 0 ? $", {oneMore} of them one more" : string.Empty)}); no physical limit on reentry vehicles per missile is modelled.";
        return
        [
            $"Sites: the {model.Sites.Length} site(s) with deployed missiles, {N(model.TotalMissiles)} missiles in all; nothing else the inspected party holds is in the model.",
            $"Quota: {N(model.InspectionsPerYear)} inspection(s) each treaty year, all spent at these sites (inspections spent elsewhere lower every figure).",
            model.Selection == SiteSelection.Uniform
                ? "Site choice: each inspection chooses its site at random, every site equally likely whatever its size, independently of the other inspections (a site may be chosen twice in a year)."
                : "Site choice: each inspection chooses its site at random with probability proportional to its deployed missiles, independently of the other inspections (a site may be chosen twice in a year).",
            $"Missile choice: at the site, inspectors count the reentry vehicles on {N(c)} missile(s) chosen uniformly at random among the site's missiles not yet counted that treaty year (all that are left, when fewer).",
            "Finding: a counted missile carrying more reentry vehicles than declared. Counting is exact (no false alarm, no missed reentry vehicle), and nothing is moved once the site is designated.",
            carried,
            hidden.Placement switch
            {
                HiddenPlacement.Random => "Placement (spread): the loaded missiles are a uniform random choice among all deployed missiles, whatever their site.",
                HiddenPlacement.Even => "Placement (even): the loaded missiles are spread as evenly as possible over the sites, one to each site in turn, skipping full sites.",
                HiddenPlacement.Concentrated => "Placement (concentrated): the loaded missiles fill the largest site first, then the next largest: the best hiding place against site choice that ignores size.",
                _ => "Placement (given): the loaded missiles at each site are as stated.",
            },
            years == 1
                ? "Years: one treaty year is modelled."
                : hidden.Reloading == Reloading.Never
                ? $"Years: the same missiles carry the excess in all {years} treaty year(s); each year's inspections are chosen afresh, independently of earlier years and of where the excess is."
                : $"Years: each treaty year the excess is moved to missiles chosen afresh by the placement, so the {years} year(s) are independent; inspections are chosen independently of where the excess is.",
            "Exact: hypergeometric terms per site, summed over how the year's inspections split among the sites; over several years, independent years given where the excess is. Monte Carlo: each trial places the excess and draws every inspection (xoshiro256**, the seed given), with a 95 % Wilson interval.",
        ];
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
