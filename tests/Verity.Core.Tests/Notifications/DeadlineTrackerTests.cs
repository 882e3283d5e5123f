using NodaTime;
using Verity.Core.Notifications;
using static Verity.Core.Tests.Notifications.NotificationScenarios;

namespace Verity.Core.Tests.Notifications;

public class DeadlineTrackerTests
{
    /// <summary>Types due after their trigger: owed, and pending, from the trigger until the deadline.</summary>
    public static TheoryData<string> DueAfterTrigger => [.. TestData.NewStart.Notifications.Where(n => !n.Deadline.InAdvance).Select(n => n.Id)];

    [Theory]
    [MemberData(nameof(DueAfterTrigger))]
    public void Track_NothingProvidedBeforeTheDeadline_Pending(string typeId)
    {
        var scenario = For(typeId);
        var obligation = scenario.Owed();

        var report = DeadlineTracker.Track(scenario.Treaty, scenario.Party, [obligation], [], obligation.Due.Date.PlusDays(-1));

        var tracked = Assert.Single(report.Obligations);
        Assert.Equal(DeadlineState.Pending, tracked.State);
        Assert.False(report.HasFindings);
    }

    [Theory]
    [MemberData(nameof(TypeIds), MemberType = typeof(NotificationScenarios))]
    public void Track_NothingProvidedAfterTheDeadline_Overdue(string typeId)
    {
        var scenario = For(typeId);
        var obligation = scenario.Owed();

        var report = DeadlineTracker.Track(scenario.Treaty, scenario.Party, [obligation], [], obligation.Due.Date.PlusDays(1));

        var tracked = Assert.Single(report.Obligations);
        Assert.Equal(DeadlineState.Overdue, tracked.State);
        Assert.Null(tracked.Provided);
        Assert.True(report.HasFindings);
        Assert.Equal(1, report.Count(DeadlineState.Overdue));
    }

    [Theory]
    [MemberData(nameof(TypeIds), MemberType = typeof(NotificationScenarios))]
    public void Track_SentAfterTheDeadline_Late(string typeId)
    {
        var scenario = For(typeId);
        var obligation = scenario.Owed();
        var document = NotificationScenario.Document(obligation, obligation.Due.PlusMinutes(1));

        var report = DeadlineTracker.Track(scenario.Treaty, scenario.Party, [obligation], [document], obligation.Due.Date.PlusDays(1));

        var tracked = Assert.Single(report.Obligations);
        Assert.Equal(DeadlineState.Late, tracked.State);
        Assert.Same(document, tracked.Provided);
        Assert.Empty(report.Unmatched);
        Assert.True(report.HasFindings);
    }

    [Theory]
    [MemberData(nameof(TypeIds), MemberType = typeof(NotificationScenarios))]
    public void Track_SentAtTheDeadline_OnTime(string typeId)
    {
        var scenario = For(typeId);
        var obligation = scenario.Owed();
        var document = NotificationScenario.Document(obligation, obligation.Due);

        var report = DeadlineTracker.Track(scenario.Treaty, scenario.Party, [obligation], [document], obligation.Due.Date.PlusDays(1));

        Assert.Equal(DeadlineState.OnTime, Assert.Single(report.Obligations).State);
        Assert.False(report.HasFindings);
    }

    [Fact]
    public void Track_SentAfterTheDateTracked_NotCountedSoOverdue()
    {
        var scenario = For("change-in-data");
        var obligation = scenario.Owed();
        var document = NotificationScenario.Document(obligation, new LocalDateTime(2015, 6, 20, 9, 0));

        var report = DeadlineTracker.Track(scenario.Treaty, scenario.Party, [obligation], [document], new LocalDate(2015, 6, 19));

        var tracked = Assert.Single(report.Obligations);
        Assert.Equal(DeadlineState.Overdue, tracked.State);
        Assert.Empty(report.Unmatched);
    }

    [Fact]
    public void Track_DocumentAboutAnotherSubject_UnmatchedAndTheObligationOverdue()
    {
        var scenario = For("change-in-data");
        var obligation = scenario.Owed();
        var document = NotificationScenario.Document(obligation, new LocalDateTime(2015, 6, 11, 12, 0)) with { Subject = "b1" };

        var report = DeadlineTracker.Track(scenario.Treaty, scenario.Party, [obligation], [document], new LocalDate(2015, 6, 30));

        Assert.Equal(DeadlineState.Overdue, Assert.Single(report.Obligations).State);
        Assert.Same(document, Assert.Single(report.Unmatched));
    }

    [Fact]
    public void Track_OtherPartysDocuments_Ignored()
    {
        var scenario = For("change-in-data");
        var obligation = scenario.Owed();
        var russian = NotificationScenario.Document(obligation, new LocalDateTime(2015, 6, 11, 12, 0)) with { Party = RU, Number = "RU-000001" };

        var report = DeadlineTracker.Track(scenario.Treaty, US, [obligation], [russian], new LocalDate(2015, 6, 30));

        Assert.Equal(DeadlineState.Overdue, Assert.Single(report.Obligations).State);
        Assert.Empty(report.Unmatched);
    }

    [Fact]
    public void Track_TwoDocumentsForOneObligation_TheEarliestCounts()
    {
        var scenario = For("change-in-data");
        var obligation = scenario.Owed();
        var late = NotificationScenario.Document(obligation, new LocalDateTime(2015, 6, 20, 9, 0), "US-000002");
        var onTime = NotificationScenario.Document(obligation, new LocalDateTime(2015, 6, 12, 9, 0), "US-000001");

        var report = DeadlineTracker.Track(scenario.Treaty, US, [obligation], [late, onTime], new LocalDate(2015, 6, 30));

        var tracked = Assert.Single(report.Obligations);
        Assert.Equal(DeadlineState.OnTime, tracked.State);
        Assert.Same(onTime, tracked.Provided);
    }

    [Fact]
    public void Track_ObligationsOfSeveralYears_CountedPerTreatyYear()
    {
        var obligations = ObligationGenerator.Generate(TestData.NewStart, US, DeclarationOnly, [], [], new LocalDate(2013, 12, 31));
        var provided = NotificationPlan.Provide(obligations).RemoveAt(0);

        var report = DeadlineTracker.Track(TestData.NewStart, US, obligations, provided, new LocalDate(2013, 12, 31));

        Assert.Equal(report.Obligations.Length, report.TreatyYears.Sum(y => y.Owed));
        Assert.Equal([1, 2, 3], report.TreatyYears.Select(y => y.Year));
        Assert.Equal(1, report.TreatyYears[0].Overdue);
        Assert.All(report.TreatyYears, y => Assert.Equal(y.Owed, y.OnTime + y.Late + y.Overdue + y.Pending));
    }
}
