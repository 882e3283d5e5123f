using Verity.Core.Forces;

namespace Verity.Core.Analysis.Projections;

/// <summary>
/// When one state's projected measure first reaches another's (A ≥ B), over the years both projections cover, as of
/// 1 January of each year.
/// </summary>
/// <param name="State">The state that catches up (A).</param>
/// <param name="Against">The state caught up with (B).</param>
/// <param name="Measure">The measure compared.</param>
/// <param name="FirstYear">The first year both projections cover.</param>
/// <param name="Horizon">The last year compared.</param>
/// <param name="Year">The first year the central path of A reaches the central path of B; <c>null</c>: not before the horizon.</param>
/// <param name="YearP10">The 10th percentile of the per-trial first-crossing year (an early case): the first year by which at
/// least 10 % of the trials have A ≥ B; <c>null</c>: fewer than 10 % cross by the horizon.</param>
/// <param name="YearP50">The median first-crossing year; <c>null</c>: fewer than half cross by the horizon.</param>
/// <param name="YearP90">The 90th percentile (a late case): the first year by which at least 90 % of the trials have crossed;
/// <c>null</c>: fewer than 90 % cross by the horizon.</param>
/// <param name="Reached">The share of trials in which A reaches B by the horizon, 0 to 1.</param>
/// <param name="Trials">The trials paired (trial i of A with trial i of B).</param>
/// <param name="Seed">The seed of both projections.</param>
public sealed record Parity(
    PartyCode State,
    PartyCode Against,
    ForceMeasure Measure,
    int FirstYear,
    int Horizon,
    int? Year,
    int? YearP10,
    int? YearP50,
    int? YearP90,
    double Reached,
    int Trials,
    long Seed)
{
    /// <summary>
    /// Compares two projections. Trial i of <paramref name="state"/> is paired with trial i of <paramref name="against"/>;
    /// a trial's crossing year is the first year its A value is at least its B value, or none before the horizon. The
    /// percentiles of that distribution are the smallest years by which the share of trials crossed reaches 10, 50 and
    /// 90 % (trials that never cross count as later than any year).
    /// </summary>
    /// <exception cref="ArgumentException">The projections differ in trials, seed or measure, or share no year.</exception>
    public static Parity Find(Projection state, Projection against)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(against);
        if (state.Trials != against.Trials || state.Seed != against.Seed || state.Measure != against.Measure)
        {
            throw new ArgumentException($"parity pairs projections of one measure with the same trials and seed: {state.Measure}, {state.Trials} trials, seed {state.Seed} against {against.Measure}, {against.Trials} trials, seed {against.Seed}", nameof(against));
        }

        var first = Math.Max(state.FirstYear, against.FirstYear);
        var horizon = Math.Min(state.Horizon, against.Horizon);
        if (first > horizon)
        {
            throw new ArgumentException($"the projections share no year: {state.FirstYear}–{state.Horizon} and {against.FirstYear}–{against.Horizon}", nameof(against));
        }

        int? central = null;
        for (var year = first; year <= horizon && central is null; year++)
        {
            if (state[year].Central >= against[year].Central)
            {
                central = year;
            }
        }

        var trials = state.Trials;
        var crossing = new int[trials];
        Array.Fill(crossing, int.MaxValue);
        var crossedBy = new int[horizon - first + 1];
        var open = trials;
        for (var year = first; year <= horizon && open > 0; year++)
        {
            var a = state.SamplesOf(year);
            var b = against.SamplesOf(year);
            for (var t = 0; t < trials; t++)
            {
                if (crossing[t] == int.MaxValue && a[t] >= b[t])
                {
                    crossing[t] = year;
                    open--;
                }
            }

            crossedBy[year - first] = trials - open;
        }

        for (var i = 1; i < crossedBy.Length; i++)
        {
            crossedBy[i] = Math.Max(crossedBy[i], crossedBy[i - 1]);
        }

        int? YearOf(double share)
        {
            var needed = (long)Math.Ceiling(share * trials);
            for (var i = 0; i < crossedBy.Length; i++)
            {
                if (crossedBy[i] >= needed)
                {
                    return first + i;
                }
            }

            return null;
        }

        return new Parity(
            state.State,
            against.State,
            state.Measure,
            first,
            horizon,
            central,
            YearOf(0.10),
            YearOf(0.50),
            YearOf(0.90),
            (trials - open) / (double)trials,
            trials,
            state.Seed);
    }
}
