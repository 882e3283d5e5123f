using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Tests.Exchanges;

namespace Verity.Core.Tests;

/// <summary>
/// <see cref="SupportedDates"/>: 1900-01-01 to 2200-12-31, checked where a date is read (files, timelines), so that no
/// later step computes past the calendar's end or without bound.
/// </summary>
public class SupportedDatesTests
{
    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("2200-12-31", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2201-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    public void TryParse_EdgesOfTheRange_InsideOnly(string text, bool inside)
    {
        var read = SupportedDates.TryParse(text, out var date, out var problem);

        Assert.Equal(inside, read);
        Assert.Equal(inside ? null : $"{text} is outside the supported dates, 1900-01-01 to 2200-12-31", problem);
        Assert.Equal(inside ? LocalDate.FromDateTime(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture)) : default, inside ? date : default);
    }

    [Theory]
    [InlineData("2019-02-30")]
    [InlineData("yesterday")]
    [InlineData(null)]
    public void TryParse_NotADate_SaysWhatIsExpected(string? text)
    {
        Assert.False(SupportedDates.TryParse(text, out _, out var problem));
        Assert.Equal($"'{text}' is not a date: expected YYYY-MM-DD, such as 2022-03-01", problem);
    }

    [Theory]
    [InlineData("P301Y", true)]
    [InlineData("P302Y", false)]
    [InlineData("P99999Y", false)]
    [InlineData("P109937D", true)] // 1900-01-01 to 2200-12-31
    [InlineData("P109938D", false)]
    [InlineData("PT9999999999H", false)]
    public void Spans_PeriodsUpToTheRangesSpan(string text, bool spans)
    {
        var period = NodaTime.Text.PeriodPattern.Roundtrip.Parse(text).Value;

        Assert.Equal(spans, SupportedDates.Spans(period));
    }

    [Fact]
    public void Spans_LongestSpanningPeriodFromTheLastDate_StillInTheCalendar()
    {
        var longest = new PeriodBuilder { Years = 301, Months = 3612, Weeks = 15706, Days = 109_937 }.Build();

        Assert.True(SupportedDates.Spans(longest));
        Assert.True(SupportedDates.Max.Plus(longest).Year < 9999);
    }

    [Theory]
    [InlineData("entry_into_force: 2011-02-05", "entry_into_force: 9999-02-05", "9999-02-05 is outside the supported dates")]
    [InlineData("duration: P10Y", "duration: P99999Y", "P99999Y is longer than the supported dates span")]
    public void ParseTreaty_DateOrPeriodBeyondTheRange_RefusedNamingTheField(string honest, string bad, string expected)
    {
        var text = File.ReadAllText(TestData.DataPath("treaties", "new-start.yaml"));
        Assert.Contains(honest, text, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text.Replace(honest, bad, StringComparison.Ordinal), "new-start.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.StartsWith("dates.", diagnostic.Path, StringComparison.Ordinal);
        Assert.StartsWith(expected, diagnostic.Message, StringComparison.Ordinal);
        Assert.True(diagnostic.Line > 0);
    }

    [Theory]
    [InlineData("P0D")]
    [InlineData("P")]
    public void ParseTreaty_PeriodicTriggerThatDoesNotAdvance_RefusedRatherThanEndless(string every)
    {
        var text = File.ReadAllText(TestData.DataPath("treaties", "new-start.yaml"));
        Assert.Contains("every: P6M", text, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text.Replace("every: P6M", $"every: {every}", StringComparison.Ordinal), "new-start.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.EndsWith(".trigger.every", diagnostic.Path, StringComparison.Ordinal);
        Assert.Equal($"'{every}' does not advance the date: expected a period of a day or more, such as P6M", diagnostic.Message);
    }

    [Fact]
    public void ParseExchange_PeriodBeyondTheRange_RefusedNotOverflowed()
    {
        var text = File.ReadAllText(TestData.DataPath("exchanges", "new-start.yaml"));
        Assert.Contains("P6M", text, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => ExchangeReader.Parse(text.Replace("P6M", "P999999M", StringComparison.Ordinal), "new-start.yaml", TestData.NewStart));

        Assert.Contains(error.Diagnostics, d => d.Message.StartsWith("P999999M is longer than the supported dates span", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"triggered\": \"2011-02-05\"", "\"triggered\": \"9999-12-31\"", "[0].triggered")]
    [InlineData("\"sent\": \"2011-02-10T12:00\"", "\"sent\": \"9999-12-31T12:00\"", "[0].sent")]
    public void ParseNotifications_DateBeyondTheRange_RefusedNamingTheField(string honest, string bad, string path)
    {
        const string Json = """
            [{ "type": "inspection-airplane-clearance", "party": "US", "number": "US-1", "sent": "2011-02-10T12:00",
               "subject": "entry-into-force", "triggered": "2011-02-05", "fields": { "clearance": "X", "year": 2011 } }]
            """;

        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(Json.Replace(honest, bad, StringComparison.Ordinal), "sent.json", TestData.NewStart, new Dictionary<PartyCode, IReadOnlySet<string>>()));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((path, "9999-12-31 is outside the supported dates, 1900-01-01 to 2200-12-31"), (diagnostic.Path, diagnostic.Message));
    }

    [Fact]
    public void TryDates_EveryDayOfTheWholeRange_RefusedBeforeAnyIsEvaluated()
    {
        var ok = ComplianceTimeline.TryDates(SupportedDates.Min, SupportedDates.Max, Period.FromDays(1), out var dates, out var problem);

        Assert.False(ok);
        Assert.True(dates.IsEmpty);
        Assert.Equal("every P1D from 1900-01-01 to 2200-12-31 gives more than 10,000 dates: give a longer step or a shorter range", problem);
    }

    [Fact]
    public void TryDates_TenThousandDates_TheBoundItself()
    {
        var from = new LocalDate(2000, 1, 1);

        Assert.True(ComplianceTimeline.TryDates(from, from.PlusDays(ComplianceTimeline.MaxDates - 1), Period.FromDays(1), out var dates, out _));
        Assert.Equal(ComplianceTimeline.MaxDates, dates.Length);
        Assert.False(ComplianceTimeline.TryDates(from, from.PlusDays(ComplianceTimeline.MaxDates), Period.FromDays(1), out _, out _));
    }

    [Theory]
    [InlineData("0001-01-01", "2000-01-01", "P1Y", "0001-01-01 is outside the supported dates")]
    [InlineData("2000-01-01", "9999-12-31", "P1Y", "9999-12-31 is outside the supported dates")]
    [InlineData("2000-01-01", "2001-01-01", "PT24H", "the step PT24H does not advance the date by a day or more")]
    [InlineData("2000-01-01", "2001-01-01", "P99999Y", "P99999Y is longer than the supported dates span")]
    public void TryDates_RangeOrStepOutOfBounds_RefusedNotThrown(string from, string to, string step, string expected)
    {
        var ok = ComplianceTimeline.TryDates(LocalDate.FromDateTime(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture)),
            NodaTime.Text.LocalDatePattern.Iso.Parse(to).Value, NodaTime.Text.PeriodPattern.NormalizingIso.Parse(step).Value, out _, out var problem);

        Assert.False(ok);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Periods_ToTheLastSupportedDate_EveryHalfYearInStep()
    {
        var schedule = ExchangeData.NewStart.ScheduleFrom(TestData.NewStart.Dates.EntryIntoForce);

        var periods = schedule.Periods(SupportedDates.Max);

        Assert.Equal(new LocalDate(2200, 9, 1), periods[^1].AsOf);
        Assert.All(periods.Zip(periods.Skip(1)), p => Assert.Equal(p.First.AsOf.PlusMonths(6), p.Second.AsOf));
    }

    [Fact]
    public void Generate_ObligationsToTheLastSupportedDate_NoOverflow()
    {
        var owed = ObligationGenerator.Generate(TestData.NewStart, PartyCode.Parse("US"), Verity.Core.Items.Ledger.Create([]), [], [], SupportedDates.Max);

        Assert.NotEmpty(owed);
    }
}
