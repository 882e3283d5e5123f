using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Exchanges;

/// <summary>
/// When a treaty's database is exchanged: an initial database as of entry into force, then an update after each
/// period of fixed length, each due a fixed time after its as-of date.
/// </summary>
/// <remarks>
/// New START (Part Four, Section II): initial as of 2011-02-05, due P45D later (2011-03-22); periods of P6M from
/// 2011-03-01, so updates as of 2011-09-01, 2012-03-01, …, each due P30D later (2011-10-01, 2012-03-31, …).
/// Deadlines count from the as-of date: "no later than 30 days after the expiration" of a period that expires as
/// the as-of date begins.
/// </remarks>
/// <param name="EntryIntoForce">The treaty's date of entry into force.</param>
/// <param name="InitialDue">How long after entry into force the initial database is due.</param>
/// <param name="FirstPeriod">Where the first period starts.</param>
/// <param name="PeriodLength">The length of each period, such as six months.</param>
/// <param name="UpdateDue">How long after a period expires its update is due.</param>
public sealed record ExchangeSchedule(LocalDate EntryIntoForce, Period InitialDue, FirstPeriodRule FirstPeriod, Period PeriodLength, Period UpdateDue)
{
    /// <summary>The first day of the first period.</summary>
    public LocalDate FirstPeriodStart => FirstPeriod switch
    {
        FirstPeriodRule.FirstDayOfNextMonth => EntryIntoForce.With(DateAdjusters.StartOfMonth).PlusMonths(1),
        _ => EntryIntoForce,
    };

    /// <summary>The initial database: current as of entry into force.</summary>
    public ExchangePeriod Initial => new(0, EntryIntoForce, EntryIntoForce, EntryIntoForce.Plus(InitialDue));

    /// <summary>The update periods whose as-of date is on or before <paramref name="until"/>, in order.</summary>
    /// <exception cref="ArgumentException">The period length is not positive.</exception>
    public ImmutableArray<ExchangePeriod> Periods(LocalDate until)
    {
        var first = FirstPeriodStart;
        if (first.Plus(PeriodLength) <= first)
        {
            throw new ArgumentException($"period length {PeriodLength} is not positive.", nameof(until));
        }

        var periods = ImmutableArray.CreateBuilder<ExchangePeriod>();
        for (var number = 1; ; number++)
        {
            // Each start counts from the first period's start, so a month-end never drifts (Jan 31 + 1 month).
            var start = Nth(first, number - 1);
            var asOf = Nth(first, number);
            if (asOf > until)
            {
                break;
            }

            periods.Add(new ExchangePeriod(number, start, asOf, asOf.Plus(UpdateDue)));
        }

        return periods.ToImmutable();
    }

    /// <summary>The initial database and every update whose as-of date is on or before <paramref name="until"/>, in order.</summary>
    public ImmutableArray<ExchangePeriod> Exchanges(LocalDate until) =>
        until < EntryIntoForce ? [] : [Initial, .. Periods(until)];

    /// <summary>The exchange whose data are as of <paramref name="asOf"/>, or <c>null</c> when none is.</summary>
    public ExchangePeriod? At(LocalDate asOf) => Exchanges(asOf).LastOrDefault(e => e.AsOf == asOf);

    // n periods at once, unit by unit (what adding the period n times gives), so a schedule of n periods costs n steps, not n².
    private LocalDate Nth(LocalDate first, int n) => first.Plus(new PeriodBuilder
    {
        Years = PeriodLength.Years * n,
        Months = PeriodLength.Months * n,
        Weeks = PeriodLength.Weeks * n,
        Days = PeriodLength.Days * n,
    }.Build());
}
