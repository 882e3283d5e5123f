using NodaTime;
using Verity.Core.Notifications;
using Verity.Core.Tests.Analysis.Replay;

namespace Verity.Core.Tests.Notifications;

/// <summary>The bundled record, every obligation provided as <see cref="NotificationPlan"/> does: nothing late, overdue or unmatched.</summary>
public class HonestRecordTests(NewStartRecord record) : IClassFixture<NewStartRecord>
{
    private static readonly LocalDate AsOf = new(2026, 2, 4);

    [Theory]
    [InlineData("US")]
    [InlineData("RU")]
    public void Track_HonestPlanOnTheLastDayInForce_NoFindings(string code)
    {
        var party = PartyCode.Parse(code);
        var owed = ObligationGenerator.Generate(record.Treaty, party, record.Ledger, [], [], AsOf);
        var provided = NotificationPlan.Provide(owed);

        var report = DeadlineTracker.Track(record.Treaty, party, owed, provided, AsOf);

        Assert.True(report.Obligations.Length > 20, $"{report.Obligations.Length} owed");
        Assert.Equal(0, report.Count(DeadlineState.Late));
        Assert.Equal(0, report.Count(DeadlineState.Overdue));
        Assert.Empty(report.Unmatched);
        Assert.False(report.HasFindings);
        Assert.Equal(report.Obligations.Length, report.TreatyYears.Sum(y => y.Owed));
        Assert.Equal(owed.Count(o => o.OwedFrom <= AsOf), report.Obligations.Length);
    }

    [Fact]
    public void Generate_HonestRecord_RussiaOwesNothingFromItsSuspension()
    {
        var owed = ObligationGenerator.Generate(record.Treaty, NotificationScenarios.RU, record.Ledger, [], [], AsOf);

        Assert.Contains(owed, o => o.Type.Id == "change-in-data");
        Assert.DoesNotContain(owed, o => o.TriggeredAt.Date >= new LocalDate(2023, 2, 28));
    }
}
