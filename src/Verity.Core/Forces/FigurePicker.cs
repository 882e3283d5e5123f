using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Forces;

/// <summary>
/// Picks the figure to believe for a state's measure on a date, from sourced estimates and a <see cref="Precedence"/>.
/// Pure: the same rows, order and date give the same pick.
/// </summary>
/// <remarks>
/// <para>1. Rows as of a date after the one asked for are passed over (<see cref="PassReason.AfterDate"/>).</para>
/// <para>2. An official projection is used only for dates after the latest non-projection figure of the state's measure
/// (over all its rows): a projection as of a date that figure reaches is passed over (<see cref="PassReason.ProjectionOvertaken"/>).</para>
/// <para>3. A row that gives only an upper bound (a declared ceiling such as the United Kingdom's "no more than 260") is
/// not a count: while any other row is left, it is passed over (<see cref="PassReason.CeilingOnly"/>).</para>
/// <para>4. Of the rest, the latest as-of date L opens the vintage: rows as of L − <see cref="Precedence.VintageDays"/>
/// to L compete; earlier rows are passed over (<see cref="PassReason.Older"/>).</para>
/// <para>5. In the vintage, the row matching the earliest rule of the measure's order wins; a row matching no rule ranks
/// after all rules. Ties go to the later as-of date, then the later edition (published), then the earlier line in the file.</para>
/// <para>An undisclosed row is a row like any other: when it wins, the figure is unknown (<c>null</c>) and the earlier
/// figures are passed over as older, so the last number anyone gave stays in view, but is not presented as current.</para>
/// </remarks>
public static class FigurePicker
{
    /// <summary>The rule name for a row no rule of the order matches.</summary>
    public const string Unranked = "unranked";

    /// <summary>Picks the figure for one state's measure on a date.</summary>
    public static ForceFigure Pick(EstimateSet estimates, Precedence precedence, PartyCode state, ForceMeasure measure, LocalDate at)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(precedence);
        var order = precedence.For(measure);
        var rows = estimates.Rows.Where(r => r.State == state && r.Measure == measure).ToList();
        (int Rank, string Rule) RankOf(Estimate row)
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (order[i].Matches(row))
                {
                    return (i, order[i].Id);
                }
            }

            return (order.Length, Unranked);
        }

        var passed = new List<PassedOver>();
        var later = new List<PassedOver>();
        var latestActual = rows.Where(r => r.Basis != EstimateBasis.OfficialProjection).Select(r => (LocalDate?)r.AsOf).Max();
        var eligible = new List<Estimate>();
        var ceilings = new List<Estimate>();
        foreach (var row in rows)
        {
            if (row.AsOf > at)
            {
                later.Add(new PassedOver(row, PassReason.AfterDate, RankOf(row).Rule, Wordings.PassAfterDate.With(row.AsOf, at)));
            }
            else if (row.Basis == EstimateBasis.OfficialProjection && latestActual is { } actual && row.AsOf <= actual)
            {
                passed.Add(new PassedOver(row, PassReason.ProjectionOvertaken, RankOf(row).Rule,
                    Wordings.PassProjectionOvertaken.With(row.AsOf, actual)));
            }
            else if (row is { Value: null, Low: null, High: not null } && row.Basis != EstimateBasis.Undisclosed)
            {
                ceilings.Add(row);
            }
            else
            {
                eligible.Add(row);
            }
        }

        if (eligible.Count == 0)
        {
            eligible = ceilings;
        }
        else
        {
            passed.AddRange(ceilings.Select(row => new PassedOver(row, PassReason.CeilingOnly, RankOf(row).Rule,
                Wordings.PassCeilingOnly.With(PhraseValue.Amount(row.High!.Value, decimals: 0)))));
        }

        if (eligible.Count == 0)
        {
            return new ForceFigure(state, measure, at, null, null, Sorted(passed, later));
        }

        var latest = eligible.Max(r => r.AsOf);
        var opens = latest.PlusDays(-precedence.VintageDays);
        var vintage = eligible.Where(r => r.AsOf >= opens).ToList();
        var winner = vintage
            .Select((row, index) => (Row: row, Index: index, Rank: RankOf(row)))
            .OrderBy(x => x.Rank.Rank).ThenByDescending(x => x.Row.AsOf).ThenByDescending(x => x.Row.Published).ThenBy(x => x.Index)
            .First();
        foreach (var row in eligible.Where(r => r.AsOf < opens))
        {
            passed.Add(new PassedOver(row, PassReason.Older, RankOf(row).Rule,
                Wordings.PassOlder.With(row.AsOf, latest, precedence.VintageDays)));
        }

        foreach (var row in vintage.Where(r => !ReferenceEquals(r, winner.Row)))
        {
            var rank = RankOf(row);
            var why = rank.Rank > winner.Rank.Rank
                ? Wordings.PassRanksBelow.With(rank.Rule, winner.Rank.Rule, precedence.OrderName(measure))
                : Wordings.PassSameRule.With(rank.Rule, winner.Row.AsOf, winner.Row.Published);
            passed.Add(new PassedOver(row, PassReason.Outranked, rank.Rule, why));
        }

        return new ForceFigure(state, measure, at, winner.Row, winner.Rank.Rule, Sorted(passed, later));
    }

    /// <summary>Picks every measure of every state the estimates speak of (or of the ones given), in file order.</summary>
    public static ImmutableArray<ForceFigure> PickAll(EstimateSet estimates, Precedence precedence, LocalDate at, PartyCode? state = null, ForceMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        return [.. estimates.Rows
            .Where(r => (state is null || r.State == state) && (measure is null || r.Measure == measure))
            .Select(r => (r.State, r.Measure))
            .Distinct()
            .Select(k => Pick(estimates, precedence, k.State, k.Measure, at))];
    }

    private static ImmutableArray<PassedOver> Sorted(List<PassedOver> passed, List<PassedOver> later) =>
        [.. passed.OrderByDescending(p => p.Row.AsOf).ThenByDescending(p => p.Row.Published), .. later.OrderBy(p => p.Row.AsOf)];
}
