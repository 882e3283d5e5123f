using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Timelines;

public class ComplianceTimelineTests
{
    [Fact]
    public void Dates_YearlyRange_IncludesBothEnds()
    {
        var dates = ComplianceTimeline.Dates(new LocalDate(2017, 2, 5), new LocalDate(2019, 2, 5), Period.FromYears(1));

        Assert.Equal([new LocalDate(2017, 2, 5), new LocalDate(2018, 2, 5), new LocalDate(2019, 2, 5)], dates.ToArray());
    }

    [Fact]
    public void Dates_ReversedRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => ComplianceTimeline.Dates(new LocalDate(2019, 1, 1), new LocalDate(2018, 1, 1), Period.FromYears(1)));
    }

    [Fact]
    public void Evaluate_LedgerOverTheTreatysLife_ValuesFollowEventsAndStatusesFollowTheLifecycle()
    {
        var ledger = Ledger.Create([
            new ItemProduced(new LocalDate(2011, 2, 5), TestData.Item("m1", "US", "icbm", "deployed", warheads: 3)),
            new WarheadsRemoved(new LocalDate(2017, 6, 1), "m1", 2),
            new ItemEliminated(new LocalDate(2022, 6, 1), "m1"),
        ]);
        var dates = new[] { new LocalDate(2010, 6, 1), new LocalDate(2016, 6, 1), new LocalDate(2019, 6, 1), new LocalDate(2023, 6, 1), new LocalDate(2026, 6, 1) };

        var timeline = ComplianceTimeline.Evaluate(TestData.NewStart, ledger, dates, Interpretation.Agreed, PartyCode.Parse("US"));

        var warheads = timeline.Select(r => (r["US"]!["warheads"]!.Value, r["US"]!["warheads"]!.Status)).ToList();
        Assert.Equal(
            [(0, LimitStatus.TreatyNotInForce), (3, LimitStatus.NotYetInEffect), (1, LimitStatus.Within), (0, LimitStatus.Within), (0, LimitStatus.Expired)],
            warheads);
    }
}
