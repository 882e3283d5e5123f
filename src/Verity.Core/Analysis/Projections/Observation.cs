using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Forces;

namespace Verity.Core.Analysis.Projections;

/// <summary>
/// One point of a series: the figure for one as-of date after several sources on that date are resolved, with the
/// range the Monte Carlo draws it from and the rows it comes from.
/// </summary>
internal sealed record Observation(LocalDate AsOf, double T, double Central, double Low, double High, ImmutableArray<Estimate> Rows)
{
    /// <summary>
    /// The points of one state's measure whose rows have one of <paramref name="bases"/> and a central value, one per as-of
    /// date: the most recently published row wins (a new edition supersedes the old); rows published on the same day by
    /// different sources are averaged (central the mean, range from the lowest low to the highest high). A count
    /// (declared or estimated) dated after the day it was published is a plan, not an observation ("no more than 180
    /// by the mid-2020s", published in 2011), and is left out; an official projection is dated ahead by nature.
    /// </summary>
    public static ImmutableArray<Observation> Of(EstimateSet estimates, PartyCode state, ForceMeasure measure, double spread, params EstimateBasis[] bases) =>
        [.. estimates.For(state, measure)
            .Where(r => bases.Contains(r.Basis) && CentralOf(r) is not null && (r.Basis == EstimateBasis.OfficialProjection || r.AsOf <= r.Published))
            .GroupBy(r => r.AsOf)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var latest = g.Max(r => r.Published);
                var rows = g.Where(r => r.Published == latest).ToImmutableArray();
                var central = rows.Average(r => CentralOf(r)!.Value);
                var low = rows.Min(r => (double?)r.Low ?? (CentralOf(r)!.Value * (1 - spread)));
                var high = rows.Max(r => (double?)r.High ?? (CentralOf(r)!.Value * (1 + spread)));
                return new Observation(g.Key, TimeOf(g.Key), central, Math.Min(low, central), Math.Max(high, central), rows);
            })];

    /// <summary>
    /// The figure a row stands for: its <see cref="Estimate.Central"/> (the value, else the middle of its range), else its one
    /// bound: a floor ("more than 600", "over 1,000 by 2030") is taken at the floor, a ceiling at the ceiling.
    /// </summary>
    public static double? CentralOf(Estimate row) => row.Central ?? row.Low ?? row.High;

    /// <summary>A date on the projection's time axis: the year plus the fraction of it gone by (1 January = the year itself).</summary>
    public static double TimeOf(LocalDate date) =>
        date.Year + ((date.DayOfYear - 1) / (double)CalendarSystem.Iso.GetDaysInYear(date.Year));
}
