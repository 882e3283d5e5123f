using NodaTime;
using NodaTime.Text;
using Verity.Core.Compliance;
using Verity.Core.Items;
using Verity.Core.Treaties;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Treaties;

public class LifecycleTests
{
    private static readonly PartyCode Us = PartyCode.Parse("US");
    private static readonly PartyCode Ru = PartyCode.Parse("RU");

    private static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static LimitStatus[] StatusesOn(Treaty treaty, string date, string party)
    {
        var report = ComplianceEvaluator.Evaluate(treaty, Inventory.Empty, D(date), Interpretation.Agreed);
        return [.. report[party]!.Limits.Select(l => l.Status)];
    }

    [Theory]
    [InlineData("2010-06-01", TreatyStanding.NotInForce)]  // signed, not yet in force
    [InlineData("2011-02-04", TreatyStanding.NotInForce)]
    [InlineData("2011-02-05", TreatyStanding.InForce)]     // entry into force
    [InlineData("2015-01-01", TreatyStanding.InForce)]
    [InlineData("2021-02-05", TreatyStanding.InForce)]     // the original term, extended
    [InlineData("2026-02-04", TreatyStanding.InForce)]
    [InlineData("2026-02-05", TreatyStanding.Expired)]     // 2011-02-05 + P10Y + P5Y
    [InlineData("2026-11-23", TreatyStanding.Expired)]
    public void StandingAt_NewStartAsAWhole_FollowsEntryIntoForceAndExpiry(string date, TreatyStanding expected)
    {
        var treaty = NewStart;

        var standing = treaty.StandingAt(D(date));

        Assert.Equal(expected, standing);
    }

    [Theory]
    [InlineData("2023-02-27", "RU", TreatyStanding.InForce)]
    [InlineData("2023-02-28", "RU", TreatyStanding.Suspended)]  // law in force 2023-02-28
    [InlineData("2023-03-01", "RU", TreatyStanding.Suspended)]
    [InlineData("2023-03-01", "US", TreatyStanding.InForce)]
    [InlineData("2026-02-05", "RU", TreatyStanding.Expired)]
    public void StandingAt_NewStartForAParty_ShowsRussiasSuspension(string date, string party, TreatyStanding expected)
    {
        var treaty = NewStart;

        var standing = treaty.StandingAt(D(date), PartyCode.Parse(party));

        Assert.Equal(expected, standing);
    }

    [Theory]
    [InlineData("2010-06-01", "US", LimitStatus.TreatyNotInForce)]
    [InlineData("2015-01-01", "US", LimitStatus.NotYetInEffect)]
    [InlineData("2018-02-04", "RU", LimitStatus.NotYetInEffect)]
    [InlineData("2018-02-05", "RU", LimitStatus.Within)]
    [InlineData("2019-01-01", "US", LimitStatus.Within)]
    [InlineData("2019-01-01", "RU", LimitStatus.Within)]
    [InlineData("2023-03-01", "RU", LimitStatus.Suspended)]
    [InlineData("2023-03-01", "US", LimitStatus.Within)]
    [InlineData("2026-02-05", "US", LimitStatus.Expired)]
    [InlineData("2026-11-23", "RU", LimitStatus.Expired)]
    public void Evaluate_NewStartOnADate_GivesEveryLimitTheStatusOfTheDate(string date, string party, LimitStatus expected)
    {
        var treaty = NewStart;

        var statuses = StatusesOn(treaty, date, party);

        Assert.Equal([expected, expected, expected], statuses);
    }

    [Fact]
    public void Evaluate_SuspendedPartyOverALimit_IsSuspendedNotAFinding()
    {
        var items = Many(701, "m", "RU", "icbm", "deployed", warheads: 1);

        var report = ComplianceEvaluator.Evaluate(NewStart, Inventory.From(items), D("2023-03-01"), Interpretation.Agreed);

        Assert.Equal((701L, LimitStatus.Suspended), (report["RU"]!["deployed"]!.Value, report["RU"]!["deployed"]!.Status));
        Assert.True(report["RU"]!["deployed"]!.OverCeiling);
        Assert.False(report.AnyExceeded);
    }

    [Theory]
    [InlineData("2010-06-01", 0)]
    [InlineData("2011-02-05", 1)]
    [InlineData("2012-02-04", 1)]
    [InlineData("2012-02-05", 2)]
    [InlineData("2018-02-05", 8)]
    [InlineData("2026-02-04", 15)]
    public void TreatyYearOf_NewStart_CountsFromTheAnniversaryOfEntryIntoForce(string date, int expected)
    {
        var treaty = NewStart;

        var year = treaty.TreatyYearOf(D(date));

        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData(1, "2011-02-05")]
    [InlineData(2, "2012-02-05")]
    [InlineData(15, "2025-02-05")]
    public void TreatyYearStart_NewStart_IsTheAnniversary(int year, string expected)
    {
        var treaty = NewStart;

        var start = treaty.TreatyYearStart(year);

        Assert.Equal(D(expected), start);
    }

    [Fact]
    public void TreatyYearStart_YearZero_Throws()
    {
        var treaty = NewStart;

        var act = () => treaty.TreatyYearStart(0);

        Assert.Throws<ArgumentOutOfRangeException>(() => act());
    }

    [Theory]
    [InlineData("2015-03-10", null, TreatyStanding.InForce)]   // notice given
    [InlineData("2015-06-09", null, TreatyStanding.InForce)]
    [InlineData("2015-06-10", null, TreatyStanding.Terminated)] // three months later
    [InlineData("2015-06-10", "US", TreatyStanding.Terminated)]
    [InlineData("2015-06-10", "RU", TreatyStanding.Terminated)]
    public void StandingAt_WithdrawalNoticeFromATwoPartyTreaty_EndsItThreeMonthsLater(string date, string? party, TreatyStanding expected)
    {
        var treaty = Vector("withdrawal-notice.yaml");

        var standing = treaty.StandingAt(D(date), party is null ? null : PartyCode.Parse(party));

        Assert.Equal(expected, standing);
        Assert.Equal(D("2015-06-10"), treaty.TerminatedOn);
    }

    [Theory]
    [InlineData("new-start", "2026-02-05", TreatyStanding.Expired)]  // its term, extended in 2021
    [InlineData("sort", "2011-02-05", TreatyStanding.Terminated)]    // superseded before its own expiry, 2012-12-31
    [InlineData("start-i", "2009-12-05", TreatyStanding.Expired)]
    public void End_BundledTreaty_IsTheFirstDayNotInForce(string name, string end, TreatyStanding after)
    {
        var treaty = Bundled(name);

        var ended = treaty.End;

        Assert.Equal(D(end), ended);
        Assert.Equal(TreatyStanding.InForce, treaty.StandingAt(ended!.Value.PlusDays(-1)));
        Assert.Equal(after, treaty.StandingAt(ended.Value));
    }

    [Fact]
    public void End_WithdrawalFromATwoPartyTreaty_IsTheDayItTakesEffect()
    {
        var treaty = Vector("withdrawal-notice.yaml");

        Assert.Equal(D("2015-06-10"), treaty.End);
    }

    [Fact]
    public void Evaluate_AfterWithdrawalTakesEffect_LimitsShowTreatyNotInForce()
    {
        var treaty = Vector("withdrawal-notice.yaml");

        var statuses = StatusesOn(treaty, "2019-01-01", "US");

        Assert.Equal([LimitStatus.TreatyNotInForce], statuses);
    }

    [Theory]
    [InlineData("2014-06-30", TreatyStanding.InForce)]
    [InlineData("2014-07-01", TreatyStanding.Terminated)]
    [InlineData("2030-01-01", TreatyStanding.Terminated)]
    public void StandingAt_TerminationAct_EndsTheTreatyOnItsDate(string date, TreatyStanding expected)
    {
        var treaty = Vector("termination.yaml");

        var standing = treaty.StandingAt(D(date), Us);

        Assert.Equal(expected, standing);
    }

    [Theory]
    [InlineData("2003-05-31", TreatyStanding.NotInForce)]
    [InlineData("2011-02-04", TreatyStanding.InForce)]
    [InlineData("2011-02-05", TreatyStanding.Terminated)] // superseded by New START
    [InlineData("2012-12-31", TreatyStanding.Terminated)] // its own expiry never came
    public void StandingAt_Sort_IsSupersededOnNewStartsEntryIntoForce(string date, TreatyStanding expected)
    {
        var treaty = Bundled("sort");

        var standing = treaty.StandingAt(D(date), Ru);

        Assert.Equal(expected, standing);
    }

    [Fact]
    public void Evaluate_SortBeforeTermination_LimitNotYetInEffect()
    {
        var treaty = Bundled("sort");

        var statuses = StatusesOn(treaty, "2010-01-01", "US");

        Assert.All(statuses, s => Assert.Equal(LimitStatus.NotYetInEffect, s));
        Assert.NotEmpty(statuses);
    }
}
