using NodaTime;
using Verity.Core.Exchanges;

namespace Verity.Core.Tests.Exchanges;

public class ExchangeScheduleTests
{
    private static readonly ExchangeSchedule Schedule = ExchangeData.NewStartSchedule;

    [Fact]
    public void Initial_NewStart_IsAsOfEntryIntoForceAndDue45DaysLater()
    {
        var initial = Schedule.Initial;

        Assert.Equal(new LocalDate(2011, 2, 5), initial.AsOf);
        Assert.Equal(new LocalDate(2011, 3, 22), initial.Due);
        Assert.True(initial.IsInitial);
    }

    [Fact]
    public void FirstPeriodStart_NewStart_IsTheFirstDayOfTheMonthAfterEntryIntoForce()
    {
        Assert.Equal(new LocalDate(2011, 3, 1), Schedule.FirstPeriodStart);
    }

    [Fact]
    public void Periods_NewStartUntil2012_AreSixMonthsFromMarch2011WithDataAsOfTheirExpiry()
    {
        var periods = Schedule.Periods(new LocalDate(2012, 12, 31));

        // Part Four, Section II, para. 2: the first period runs 2011-03-01 to 2011-08-31, so its data are as of
        // 1 September 2011, due no later than 30 days after.
        Assert.Equal(
            [
                new ExchangePeriod(1, new LocalDate(2011, 3, 1), new LocalDate(2011, 9, 1), new LocalDate(2011, 10, 1)),
                new ExchangePeriod(2, new LocalDate(2011, 9, 1), new LocalDate(2012, 3, 1), new LocalDate(2012, 3, 31)),
                new ExchangePeriod(3, new LocalDate(2012, 3, 1), new LocalDate(2012, 9, 1), new LocalDate(2012, 10, 1)),
            ],
            periods.AsEnumerable());
    }

    [Fact]
    public void Periods_UntilTheLastPublishedData_EveryAsOfIsTheFirstOfMarchOrSeptember()
    {
        var periods = Schedule.Periods(new LocalDate(2023, 3, 1));

        Assert.Equal(24, periods.Length);
        Assert.All(periods, p => Assert.True(p.AsOf.Day == 1 && p.AsOf.Month is 3 or 9, p.ToString()));
        Assert.All(periods, p => Assert.Equal(p.AsOf.PlusDays(30), p.Due));
        Assert.Equal(new LocalDate(2023, 3, 1), periods[^1].AsOf);
    }

    [Fact]
    public void Exchanges_BeforeEntryIntoForce_IsEmpty()
    {
        Assert.Empty(Schedule.Exchanges(new LocalDate(2011, 2, 4)));
    }

    [Theory]
    [InlineData("2011-02-05", 0)]
    [InlineData("2011-09-01", 1)]
    [InlineData("2020-09-01", 19)]
    public void At_ScheduledDate_GivesItsExchange(string date, int number)
    {
        var exchange = Schedule.At(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);

        Assert.Equal(number, exchange?.Number);
    }

    [Theory]
    [InlineData("2011-03-01")] // a period's start is not a data date: the first update is as of its end
    [InlineData("2018-02-05")] // the central limits' date: published data, but not a Part Four update
    [InlineData("2020-09-02")]
    public void At_UnscheduledDate_IsNull(string date)
    {
        Assert.Null(Schedule.At(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value));
    }

    [Fact]
    public void Periods_FirstPeriodAtEntryIntoForce_StartsThatDay()
    {
        var schedule = new ExchangeSchedule(new LocalDate(2020, 1, 31), Period.FromDays(10), FirstPeriodRule.EntryIntoForce, Period.FromMonths(1), Period.FromDays(5));

        var periods = schedule.Periods(new LocalDate(2020, 4, 30));

        // Each as-of date counts from the first start, so the month-end does not drift (Jan 31 + 2 months = Mar 31).
        Assert.Equal([new LocalDate(2020, 2, 29), new LocalDate(2020, 3, 31), new LocalDate(2020, 4, 30)], periods.Select(p => p.AsOf));
        Assert.Equal(new LocalDate(2020, 1, 31), periods[0].Start);
    }
}
