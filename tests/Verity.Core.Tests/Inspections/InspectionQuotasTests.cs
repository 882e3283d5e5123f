using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Inspections;
using Verity.Core.Loading;
using Verity.Core.Treaties;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Inspections;

public class InspectionQuotasTests
{
    private static readonly PartyCode Us = PartyCode.Parse("US");
    private static readonly PartyCode Ru = PartyCode.Parse("RU");
    private static readonly PartyCode Gb = PartyCode.Parse("GB");

    private static readonly Lazy<InspectionsHeld> PublicRecord = new(() =>
    {
        using var reader = new StreamReader(DataPath("history", "new-start-inspections.csv"));
        return InspectionsHeld.Published(HistoryReader.ReadInspectionCounts(reader, "new-start-inspections.csv", NewStart));
    });

    private static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static QuotaYear Current(string party, string date) =>
        InspectionQuotas.AsOf(NewStart, PublicRecord.Value, D(date), PartyCode.Parse(party)).Parties.Single().Current!;

    private static InspectionsHeld Log(int count, string type, string party, string from) =>
        InspectionsHeld.Of(Enumerable.Range(0, count).Select(i => new Inspection(D(from).PlusDays(i), type, PartyCode.Parse(party), PartyCode.Parse(party) == Us ? Ru : Us)));

    [Fact]
    public void AsOf_WithinTheQuota_IsOpenWithWhatIsLeft()
    {
        // Treaty year 10 (2020-02-05 to 2021-02-04): 2 inspections each by 2020-03-28 [russianforces.org, April 2020].
        var year = Current("US", "2020-03-28");

        Assert.Equal((10, 18, 2, 16, QuotaState.Open), (year.Year, year.Total.Quota, year.Total.Used.Value, year.Total.Left, year.Total.State));
        Assert.Equal(CountBasis.Published, year.Total.Used.Basis);
        Assert.All(year.Types, t => Assert.Equal((null, null, QuotaState.Open), (t.Used.Value, t.Left, t.State)));
        Assert.All(year.Types, t => Assert.Equal(CountBasis.NotPublished, t.Used.Basis));
    }

    [Fact]
    public void AsOf_FirstTreatyYearAtItsEnd_IsExhaustedEachTypeDerivedFromTheTotal()
    {
        // 18 each in year 1 [airandspaceforces.com]: 18 = 10 + 8, and no type exceeds its own quota.
        var year = Current("RU", "2012-02-04");

        Assert.Equal((1, 18, 18, 0, QuotaState.Exhausted), (year.Year, year.Total.Used.Value, year.Total.Quota, year.Total.Left, year.Total.State));
        Assert.Equal([("type-one", 10, 10), ("type-two", 8, 8)], year.Types.Select(t => (t.Type!, t.Quota, t.Used.Value!.Value)).ToArray());
        Assert.All(year.Types, t => Assert.Equal((CountBasis.Derived, QuotaState.Exhausted, 0), (t.Used.Basis, t.State, t.Left!.Value)));
    }

    [Fact]
    public void AsOf_MidwayThroughAYearWhoseTotalCoversAllOfIt_IsNotPublished()
    {
        // The 18 of year 1 are a count to the year's end: how many by 2011-09-01 cannot be told.
        var year = Current("US", "2011-09-01");

        Assert.Equal((1, (int?)null, (int?)null, QuotaState.Open), (year.Year, year.Total.Used.Value, year.Total.Left, year.Total.State));
    }

    [Fact]
    public void AsOf_DuringThePause_IsPausedSinceTheActWithItsSource()
    {
        var year = Current("RU", "2020-06-01");

        Assert.Equal((QuotaState.Paused, 2), (year.Total.State, year.Total.Used.Value));
        Assert.Equal((RestraintKind.Paused, D("2020-03-29")), (year.Total.Cause!.Kind, year.Total.Cause.Since));
        Assert.Equal("https://tass.com/world/1137135", year.Total.Cause.Source!.Url);
    }

    [Theory]
    [InlineData("US", "2022-09-01", QuotaState.Exempted, "2022-08-08")] // RU closed its facilities; the pause is older
    [InlineData("RU", "2022-09-01", QuotaState.Paused, "2020-03-29")]   // RU's exemption does not restrain RU's own inspections
    [InlineData("US", "2023-06-01", QuotaState.Suspended, "2023-02-28")] // RU neither receives nor conducts inspections
    [InlineData("RU", "2023-06-01", QuotaState.Suspended, "2023-02-28")]
    [InlineData("US", "2026-02-04", QuotaState.Suspended, "2023-02-28")] // the last day in force
    public void AsOf_AfterLifecycleActs_TakesTheLatestActThatStopsThePartysInspections(string party, string date, QuotaState state, string since)
    {
        var year = Current(party, date);

        Assert.Equal((state, D(since)), (year.Total.State, year.Total.Cause!.Since));
        Assert.All(year.Types, t => Assert.Equal(state, t.State));
        Assert.Equal(0, year.Total.Used.Value); // none after March 2020 [AP, November 2022]
    }

    [Fact]
    public void AsOf_AfterExpiry_EndsWithTheLastTreatyYearAndListsEveryRestraint()
    {
        var report = InspectionQuotas.AsOf(NewStart, PublicRecord.Value, D("2026-06-01"), Us);

        var us = report.Parties.Single();
        Assert.Equal((15, D("2026-02-04"), true), (us.Years.Length, us.Current!.End, us.Current.IsOver));
        Assert.Equal([RestraintKind.Paused, RestraintKind.Exempted, RestraintKind.Suspended], us.Restraints.Select(r => r.Kind).ToArray());
    }

    [Fact]
    public void AsOf_YearsWithNoPublishedCount_AreNotPublishedNeverZero()
    {
        var report = InspectionQuotas.AsOf(NewStart, PublicRecord.Value, D("2021-01-01"), Us);

        var years = report.Parties.Single().Years;
        Assert.All(years.Where(y => y.Year is >= 2 and <= 9), y => Assert.Equal((null, null, CountBasis.NotPublished, QuotaState.Closed), (y.Total.Used.Value, y.Total.Left, y.Total.Used.Basis, y.Total.State)));
        Assert.Equal(2, years.Single(y => y.Year == 10).Total.Used.Value);
    }

    [Fact]
    public void AsOf_BeforeInspectionsMayBegin_IsNotStarted()
    {
        var year = Current("US", "2011-03-01");

        Assert.Equal(QuotaState.NotStarted, year.Total.State);
        Assert.Empty(InspectionQuotas.AsOf(NewStart, PublicRecord.Value, D("2011-01-01")).Parties.SelectMany(p => p.Years));
    }

    [Fact]
    public void AsOf_TheTotalForBothPartiesBy2018_IsTheFullQuotaOfSevenYears()
    {
        var report = InspectionQuotas.AsOf(NewStart, PublicRecord.Value, D("2019-01-01"));

        var check = Assert.Single(report.Checks);
        // 2 parties × 7 treaty years × 18 a year = 252; of it, the 36 of year 1 are known.
        Assert.Equal((252, 1, 7, 252, 36), (check.Row.Count!.Value, check.FirstYear, check.LastYear, check.FullQuota, check.KnownWithin!.Value));
        Assert.True(check.IsConsistent);
        Assert.True(check.IsFullUse);
    }

    [Fact]
    public void Decide_QuotaUsedUp_IsRefusedWithTheNumbers()
    {
        var decision = InspectionQuotas.Decide(NewStart, PublicRecord.Value, Us, Ru, "type-one", D("2012-02-04"));

        Assert.Equal(DecisionOutcome.Refused, decision.Outcome);
        Assert.Equal("the type-one quota of US is used up: 10 of 10 in treaty year 1 (2011-02-05 to 2012-02-04)", decision.Reason);
    }

    [Theory]
    [InlineData("US", "RU", "2020-06-01", "US may not inspect RU: inspections paused by agreement of all parties on 2020-03-29")]
    [InlineData("US", "RU", "2022-09-01", "US may not inspect RU: RU exempted its facilities from inspection on 2022-08-08")]
    [InlineData("RU", "US", "2022-09-01", "RU may not inspect US: inspections paused by agreement of all parties on 2020-03-29")]
    [InlineData("RU", "US", "2023-06-01", "RU may not inspect US: RU suspended its participation on 2023-02-28")]
    [InlineData("US", "RU", "2011-03-01", "inspections may take place from 2011-04-06, after 2011-03-01")]
    [InlineData("US", "RU", "2026-02-05", "New START is not in force on 2026-02-05: it expired on 2026-02-05")]
    [InlineData("US", "RU", "2010-06-01", "New START is not in force on 2010-06-01: it entered into force on 2011-02-05")]
    public void Decide_OutsideTheTreatysLifeOrRestrained_IsRefusedNamingTheAct(string by, string of, string date, string reason)
    {
        var decision = InspectionQuotas.Decide(NewStart, PublicRecord.Value, PartyCode.Parse(by), PartyCode.Parse(of), "type-two", D(date));

        Assert.Equal(DecisionOutcome.Refused, decision.Outcome);
        Assert.StartsWith(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Refusal_CarriesTheActsSource()
    {
        var decision = InspectionQuotas.Decide(NewStart, PublicRecord.Value, Us, Ru, "type-one", D("2022-09-01"));

        Assert.Contains("https://www.mid.ru/", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(LifecycleActKind.InspectionsExempted, decision.Cause!.Act.Kind);
    }

    [Fact]
    public void Decide_UseNotPublished_IsUndetermined()
    {
        var decision = InspectionQuotas.Decide(NewStart, PublicRecord.Value, Us, Ru, "type-one", D("2014-06-01"));

        Assert.Equal((DecisionOutcome.Undetermined, 4), (decision.Outcome, decision.TreatyYear));
        Assert.Contains("not known (not published)", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US", "US", "type-one", "US cannot inspect itself")]
    [InlineData("US", "CN", "type-one", "CN is not a party to New START")]
    [InlineData("US", "RU", "type-three", "unknown inspection type 'type-three': New START's are type-one, type-two")]
    public void Decide_BadRequest_IsRefusedSayingWhy(string by, string of, string type, string reason)
    {
        var decision = InspectionQuotas.Decide(NewStart, InspectionsHeld.Of([]), PartyCode.Parse(by), PartyCode.Parse(of), type, D("2014-06-01"));

        Assert.Equal(DecisionOutcome.Refused, decision.Outcome);
        Assert.StartsWith(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, DecisionOutcome.Allowed, "within the type-one quota of US: 0 of 10 used in treaty year 5 (2015-02-05 to 2016-02-04), 9 left after this one")]
    [InlineData(3, DecisionOutcome.Allowed, "within the type-one quota of US: 3 of 10 used in treaty year 5 (2015-02-05 to 2016-02-04), 6 left after this one")]
    [InlineData(9, DecisionOutcome.Allowed, "within the type-one quota of US: 9 of 10 used in treaty year 5 (2015-02-05 to 2016-02-04), 0 left after this one")]
    [InlineData(10, DecisionOutcome.Refused, "the type-one quota of US is used up: 10 of 10 in treaty year 5 (2015-02-05 to 2016-02-04)")]
    public void Decide_FromALogOfEachInspection_CountsTheYearsUse(int held, DecisionOutcome outcome, string reason)
    {
        var log = Log(held, "type-one", "US", "2015-03-01");

        var decision = InspectionQuotas.Decide(NewStart, log, Us, Ru, "type-one", D("2015-12-01"));

        Assert.Equal((outcome, reason), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public void AsOf_LogBeyondTheQuota_IsExhaustedAndCountsTheExcess()
    {
        // 11 type-one inspections in year 5, against 10; type two untouched.
        var log = Log(11, "type-one", "US", "2015-03-01");

        var report = InspectionQuotas.AsOf(NewStart, log, D("2015-12-01"), Us);

        var year = report.Parties.Single().Current!;
        var one = year.Types.Single(t => t.Type == "type-one");
        var two = year.Types.Single(t => t.Type == "type-two");
        Assert.Equal((QuotaState.Exhausted, 11, 0, 1), (one.State, one.Used.Value!.Value, one.Left!.Value, one.Beyond));
        Assert.Equal((QuotaState.Open, 0, 8, CountBasis.Counted), (two.State, two.Used.Value!.Value, two.Left!.Value, two.Used.Basis));
        Assert.Equal((18, 11, 7), (year.Total.Quota, year.Total.Used.Value!.Value, year.Total.Left!.Value));
        Assert.True(report.HasBeyond);
    }

    [Fact]
    public void AsOf_LogOfInspectionsInEarlierYears_CountsEachInItsOwnYear()
    {
        var log = InspectionsHeld.Of([
            new Inspection(D("2015-02-04"), "type-two", Us, Ru), // the last day of year 4
            new Inspection(D("2015-02-05"), "type-two", Us, Ru), // the first day of year 5
            new Inspection(D("2015-02-05"), "type-two", Ru, Us),
        ]);

        var report = InspectionQuotas.AsOf(NewStart, log, D("2015-02-05"), Us);

        var years = report.Parties.Single().Years;
        Assert.Equal((1, QuotaState.Closed), (years[3].Total.Used.Value!.Value, years[3].Total.State));
        Assert.Equal((1, QuotaState.Open), (years[4].Total.Used.Value!.Value, years[4].Total.State));
    }

    [Fact]
    public void AsOf_ThreePartiesOneExempted_StaysOpenUntilEveryOtherIsClosed()
    {
        var treaty = ThreeParties(
            new LifecycleAct(D("2015-01-01"), LifecycleActKind.InspectionsExempted, Gb, null, "GB closes its facilities", null),
            new LifecycleAct(D("2016-01-01"), LifecycleActKind.InspectionsExempted, Ru, null, "RU closes its facilities", null),
            new LifecycleAct(D("2017-01-01"), LifecycleActKind.InspectionsResumed, Ru, null, "RU opens its facilities again", null));
        var none = InspectionsHeld.Of([]);

        Assert.Equal(QuotaState.Open, InspectionQuotas.AsOf(treaty, none, D("2015-06-01"), Us).Parties[0].Current!.Total.State);
        Assert.Equal(QuotaState.Exempted, InspectionQuotas.AsOf(treaty, none, D("2016-06-01"), Us).Parties[0].Current!.Total.State);
        Assert.Equal(QuotaState.Open, InspectionQuotas.AsOf(treaty, none, D("2017-06-01"), Us).Parties[0].Current!.Total.State);
        Assert.Equal(DecisionOutcome.Refused, InspectionQuotas.Decide(treaty, none, Us, Gb, "type-one", D("2015-06-01")).Outcome);
        Assert.Equal(DecisionOutcome.Allowed, InspectionQuotas.Decide(treaty, none, Us, Ru, "type-one", D("2015-06-01")).Outcome);
        Assert.Equal(DecisionOutcome.Allowed, InspectionQuotas.Decide(treaty, none, Gb, Ru, "type-one", D("2015-06-01")).Outcome);
    }

    [Fact]
    public void Count_PublishedRows_TileTheSpanOrLeaveItUnknown()
    {
        PublishedInspectionCount Row(string from, string to, string parties, int? count, string? type = null) =>
            new(0, D(from), D(to), [.. parties.Split('|').Select(PartyCode.Parse)], type, count, count is null ? "not-published" : "published", "https://a.org/x", null);
        var held = InspectionsHeld.Published([
            Row("2012-02-05", "2012-08-04", "US", 7),
            Row("2012-08-05", "2013-02-04", "US", 5),
            Row("2012-02-05", "2013-02-04", "US", 4, "type-two"),
            Row("2013-02-05", "2014-02-04", "US|RU", 0),
            Row("2014-02-05", "2015-02-04", "US|RU", 30),
        ]);

        Assert.Equal(12, held.Count(Us, null, D("2012-02-05"), D("2013-02-04")).Value);
        Assert.Null(held.Count(Us, null, D("2012-02-05"), D("2012-12-31")).Value);   // the second half's 5 cannot be split
        Assert.Equal(7, held.Count(Us, null, D("2012-02-05"), D("2012-08-04")).Value);
        Assert.Equal(4, held.Count(Us, "type-two", D("2012-02-05"), D("2013-02-04")).Value);
        Assert.Null(held.Count(Us, "type-one", D("2012-02-05"), D("2013-02-04")).Value); // the engine derives it, not the record
        Assert.Equal(0, held.Count(Ru, "type-one", D("2013-06-01"), D("2013-07-01")).Value); // 0 for both is 0 for each, of each type
        Assert.Null(held.Count(Ru, null, D("2014-02-05"), D("2015-02-04")).Value);       // 30 for both is not each's
        Assert.Null(held.Count(Us, null, D("2011-02-05"), D("2012-02-04")).Value);       // no row
    }

    [Fact]
    public void Count_SpanEndingBeforeItStarts_IsACallerBug()
    {
        Assert.Throws<ArgumentException>(() => InspectionsHeld.Of([]).Count(Us, null, D("2012-02-05"), D("2012-02-04")));
    }

    [Fact]
    public void AsOf_PartyNotOfTheTreaty_IsACallerBug()
    {
        Assert.Throws<ArgumentException>(() => InspectionQuotas.AsOf(NewStart, InspectionsHeld.Of([]), D("2015-01-01"), Gb));
    }

    private static Treaty ThreeParties(params LifecycleAct[] acts) => NewStart with
    {
        Parties = [.. NewStart.Parties, new Party(Gb, "United Kingdom")],
        Lifecycle = [.. NewStart.Lifecycle.Where(a => a.Kind is LifecycleActKind.EntryIntoForce or LifecycleActKind.Extension), .. acts],
    };
}
