using NodaTime;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using static Verity.Core.Tests.Notifications.NotificationScenarios;

namespace Verity.Core.Tests.Notifications;

/// <summary>Defects found in review of the notification code, each pinned by the test that showed it.</summary>
public class NotificationRegressionTests
{
    [Fact]
    public void Parse_MissingRequiredField_PathIsTheField()
    {
        const string json = """
            [{ "type": "inspection-airplane-clearance", "party": "US", "number": "US-1", "sent": "2011-02-10T12:00",
               "subject": "entry-into-force", "triggered": "2011-02-05", "fields": { "year": 2011 } }]
            """;

        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(json, "sent.json", TestData.NewStart, new Dictionary<PartyCode, IReadOnlySet<string>>()));

        Assert.Equal("[0].fields.clearance", Assert.Single(error.Diagnostics).Path);
    }

    [Fact]
    public void Parse_HonestPlanOfTheCalendarNotifications_ReadsBack()
    {
        var owed = ObligationGenerator.Generate(TestData.NewStart, US, DeclarationOnly, [], [], new LocalDate(2011, 12, 31));
        var json = NotificationWriter.ToJson(NotificationPlan.Provide(owed), TestData.NewStart);
        var declared = new Dictionary<PartyCode, IReadOnlySet<string>> { [US] = new HashSet<string> { "m1", "b1" } };

        var documents = NotificationReader.Parse(json, "plan.json", TestData.NewStart, declared);

        Assert.Equal(owed.Length, documents.Length);
    }

    [Fact]
    public void Track_TwoChangesOfOneItemOnOneDayOneDocument_OneStillOverdue()
    {
        var day = new LocalDate(2015, 6, 10);
        var ledger = Ledger.Create([.. Declaration, new ItemMoved(day, "m1", "Warren"), new ItemStatusChanged(day, "m1", "non-deployed")]);
        var owed = ObligationGenerator.Generate(TestData.NewStart, US, ledger, [], [], new LocalDate(2015, 6, 30)).Where(o => o.Type.Id == "change-in-data").ToList();
        var onlyTheMove = NotificationScenario.Document(owed.Single(o => o.Fields["event"] == "moved"), new LocalDateTime(2015, 6, 11, 12, 0));

        var report = DeadlineTracker.Track(TestData.NewStart, US, owed, [onlyTheMove], new LocalDate(2015, 6, 30));

        Assert.Equal(1, report.Count(DeadlineState.Overdue));
        Assert.Equal("m1:status-changed", Assert.Single(report.Obligations, o => o.State == DeadlineState.Overdue).Obligation.Subject);
    }

    [Fact]
    public void Track_RenewalSentEarlyBeforeItsDeadline_OnTimeNotUnmatched()
    {
        var scenario = For("inspection-airplane-clearance-renewal");
        var obligation = scenario.Owed();
        var document = NotificationScenario.Document(obligation, new LocalDateTime(2011, 11, 20, 12, 0));

        var report = DeadlineTracker.Track(scenario.Treaty, US, [obligation], [document], new LocalDate(2011, 11, 25));

        Assert.Empty(report.Unmatched);
        Assert.Equal(DeadlineState.OnTime, Assert.Single(report.Obligations).State);
    }

    [Theory]
    [InlineData("icbm-slbm-launch")]
    [InlineData("inspection-airplane-clearance-renewal")]
    [InlineData("inspection-flight-plan")]
    [InlineData("heavy-bomber-abroad")]
    public void Track_AdvanceNoticeNothingProvidedBeforeTheDeadline_Pending(string typeId)
    {
        var scenario = For(typeId);
        var obligation = scenario.Owed();

        var report = DeadlineTracker.Track(scenario.Treaty, scenario.Party, [obligation], [], obligation.Due.Date.PlusDays(-1));

        Assert.Equal(DeadlineState.Pending, Assert.Single(report.Obligations).State);
    }

    [Fact]
    public void Track_ChangeInDataSentOnItsDueDay_OnTime()
    {
        var scenario = For("change-in-data");
        var obligation = scenario.Owed();
        var document = NotificationScenario.Document(obligation, new LocalDateTime(2015, 6, 15, 12, 0));

        var report = DeadlineTracker.Track(scenario.Treaty, US, [obligation], [document], new LocalDate(2015, 6, 30));

        Assert.Equal(DeadlineState.OnTime, Assert.Single(report.Obligations).State);
    }

    [Fact]
    public void Track_NothingSentOnTheDueDayItself_PendingNotOverdue()
    {
        var scenario = For("change-in-data");
        var obligation = scenario.Owed();

        var onTheDay = DeadlineTracker.Track(scenario.Treaty, US, [obligation], [], new LocalDate(2015, 6, 15));
        var dayAfter = DeadlineTracker.Track(scenario.Treaty, US, [obligation], [], new LocalDate(2015, 6, 16));

        Assert.Equal(DeadlineState.Pending, Assert.Single(onTheDay.Obligations).State);
        Assert.Equal(DeadlineState.Overdue, Assert.Single(dayAfter.Obligations).State);
    }
}
