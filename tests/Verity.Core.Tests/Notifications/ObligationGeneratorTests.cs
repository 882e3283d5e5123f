using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Items;
using Verity.Core.Notifications;
using static Verity.Core.Tests.Notifications.NotificationScenarios;

namespace Verity.Core.Tests.Notifications;

public class ObligationGeneratorTests
{
    [Theory]
    [MemberData(nameof(TypeIds), MemberType = typeof(NotificationScenarios))]
    public void Generate_TypeTriggered_OwesItWithTheProvisionsDeadline(string typeId)
    {
        var scenario = For(typeId);

        var owed = scenario.Generate().Where(o => o.Type.Id == typeId).ToList();

        var obligation = Assert.Single(owed);
        Assert.Equal(scenario.Party, obligation.Party);
        Assert.Equal(scenario.Subject, obligation.Subject);
        Assert.Equal(scenario.Triggered, obligation.TriggeredAt);
        Assert.Equal(scenario.Due, obligation.Due);
    }

    [Fact]
    public void Generate_ItemMoved_FillsTheFieldsFromTheItemAfterTheEvent()
    {
        var scenario = For("change-in-data");

        var obligation = scenario.Owed();

        Assert.Equal("m1", obligation.Fields["uid"]);
        Assert.Equal("icbm", obligation.Fields["kind"]);
        Assert.Equal("Minuteman III", obligation.Fields["type"]);
        Assert.Equal("deployed", obligation.Fields["status"]);
        Assert.Equal("Warren", obligation.Fields["location"]);
        Assert.Equal("moved", obligation.Fields["event"]);
        Assert.Equal("2015-06-10", obligation.Fields["date"]);
    }

    [Theory]
    [InlineData(0, "2011-09-01", "2011-10-01")] // the first period begins 2011-03-01, the month after entry into force
    [InlineData(1, "2012-03-01", "2012-03-31")]
    [InlineData(2, "2012-09-01", "2012-10-01")]
    [InlineData(3, "2013-03-01", "2013-03-31")]
    public void Generate_SixMonthUpdates_AsOfEachPeriodEndDueThirtyDaysLater(int index, string asOf, string due)
    {
        var updates = ObligationGenerator.Generate(TestData.NewStart, US, DeclarationOnly, [], [], new LocalDate(2013, 12, 31))
            .Where(o => o.Type.Id == "six-month-update")
            .ToList();

        Assert.Equal(asOf, updates[index].Subject);
        Assert.Equal(asOf, updates[index].Fields["as_of"]);
        Assert.Equal(LocalDatePattern.Iso.Parse(due).Value.At(new LocalTime(23, 59, 59)), updates[index].Due);
    }

    [Theory]
    [InlineData(2012)]
    [InlineData(2013)]
    [InlineData(2020)]
    public void Generate_ClearanceRenewal_DueThirtyDaysBeforeEachFirstOfJanuary(int year)
    {
        var renewals = ObligationGenerator.Generate(TestData.NewStart, US, DeclarationOnly, [], [], new LocalDate(2021, 12, 31))
            .Where(o => o.Type.Id == "inspection-airplane-clearance-renewal");

        var renewal = Assert.Single(renewals, o => o.TriggeredAt == new LocalDate(year, 1, 1).AtMidnight());
        Assert.Equal(new LocalDate(year, 1, 1).PlusDays(-30).AtMidnight(), renewal.Due);
        Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), renewal.Fields["year"]);
    }

    [Fact]
    public void Generate_TelemetryDeficiencyReceived_ReplyOwedByTheReceiverNotTheSender()
    {
        var scenario = For("telemetry-deficiency-explanation");

        var byRussia = ObligationGenerator.Generate(scenario.Treaty, RU, scenario.Ledger, [], scenario.Received, scenario.Until);

        Assert.DoesNotContain(byRussia, o => o.Type.Id == "telemetry-deficiency-explanation");
        Assert.Equal("RU-000042", scenario.Owed().Fields["reply_to"]);
    }

    [Fact]
    public void Generate_UntilTheDayBeforeEntryIntoForce_OwesNothing()
    {
        var early = new LocalDateTime(2010, 12, 1, 10, 0);
        var activities = new[]
        {
            new Activity("L-early", US, "launch", early, Fields(("launch", "L-early"))),
            new Activity("IA-early", US, "inspection-flight", early, Fields(("flight", "IA-early"))),
        };
        var ledger = Ledger.Create([
            new ItemProduced(new LocalDate(2010, 11, 1), new Item("m0", US, "icbm", "Minuteman III", "deployed", 1, "Malmstrom", ImmutableSortedDictionary<string, string>.Empty)),
            new ItemMoved(new LocalDate(2010, 12, 1), "m0", "Warren"),
        ]);

        var owed = ObligationGenerator.Generate(TestData.NewStart, US, ledger, activities, [], EntryIntoForce.PlusDays(-1));

        Assert.Empty(owed);
    }

    [Fact]
    public void Generate_ActivitiesBeforeEntryIntoForce_OweNothingEvenLater()
    {
        var activities = new[] { new Activity("L-early", US, "launch", new LocalDateTime(2010, 12, 1, 10, 0), Fields(("launch", "L-early"))) };

        var owed = ObligationGenerator.Generate(TestData.NewStart, US, DeclarationOnly, activities, [], new LocalDate(2011, 12, 31));

        Assert.DoesNotContain(owed, o => o.Type.Id == "icbm-slbm-launch");
        Assert.Contains(owed, o => o.Type.Id == "initial-database");
    }

    [Fact]
    public void Generate_RussiaAfterSuspension_OwesNothingTriggeredFrom20230228()
    {
        var suspension = new LocalDate(2023, 2, 28);
        var ledger = Ledger.Create([
            new ItemProduced(EntryIntoForce, new Item("r1", RU, "icbm", "Yars", "deployed", 4, "Kozelsk", ImmutableSortedDictionary<string, string>.Empty)),
            new ItemMoved(new LocalDate(2023, 2, 20), "r1", "Teykovo"),
            new ItemMoved(new LocalDate(2023, 3, 10), "r1", "Yoshkar-Ola"),
        ]);
        var activities = new[]
        {
            new Activity("RL-1", RU, "launch", new LocalDateTime(2023, 2, 26, 10, 0), Fields(("launch", "RL-1"))),
            new Activity("RL-2", RU, "launch", new LocalDateTime(2023, 5, 1, 10, 0), Fields(("launch", "RL-2"))),
        };

        var owed = ObligationGenerator.Generate(TestData.NewStart, RU, ledger, activities, [], new LocalDate(2024, 12, 31));

        Assert.DoesNotContain(owed, o => o.TriggeredAt.Date >= suspension);
        Assert.Contains(owed, o => o.Type.Id == "change-in-data" && o.TriggeredAt.Date == new LocalDate(2023, 2, 20));
        Assert.Contains(owed, o => o.Type.Id == "icbm-slbm-launch" && o.Subject == "RL-1");
    }

    [Fact]
    public void Generate_UnitedStatesAfterRussiasSuspension_StillOwes()
    {
        var owed = ObligationGenerator.Generate(TestData.NewStart, US, DeclarationOnly, [], [], new LocalDate(2024, 12, 31));

        Assert.Contains(owed, o => o.Type.Id == "six-month-update" && o.TriggeredAt.Date == new LocalDate(2023, 9, 1));
    }

    [Fact]
    public void Generate_AfterExpiry_OwesNothingTriggeredFrom20260205()
    {
        var expiry = new LocalDate(2026, 2, 5);
        var ledger = Ledger.Create([.. Declaration, new ItemMoved(new LocalDate(2026, 2, 4), "m1", "Warren"), new ItemMoved(new LocalDate(2026, 2, 5), "m1", "Minot")]);
        var activities = new[]
        {
            new Activity("L-before", US, "launch", new LocalDateTime(2026, 2, 4, 23, 0), Fields(("launch", "L-before"))),
            new Activity("L-after", US, "launch", new LocalDateTime(2026, 2, 6, 10, 0), Fields(("launch", "L-after"))),
        };

        var owed = ObligationGenerator.Generate(TestData.NewStart, US, ledger, activities, [], new LocalDate(2027, 12, 31));

        Assert.Equal(expiry, TestData.NewStart.Expiry);
        Assert.DoesNotContain(owed, o => o.TriggeredAt.Date >= expiry);
        Assert.Contains(owed, o => o.Type.Id == "change-in-data" && o.TriggeredAt.Date == new LocalDate(2026, 2, 4));
        Assert.Contains(owed, o => o.Type.Id == "icbm-slbm-launch" && o.Subject == "L-before");
    }

    [Fact]
    public void Generate_EventsDatedOnEntryIntoForce_OweNoChangeInData()
    {
        var ledger = Ledger.Create([.. Declaration, new ItemMoved(EntryIntoForce, "m1", "Warren"), new ItemStatusChanged(EntryIntoForce, "b1", "non-deployed")]);

        var owed = ObligationGenerator.Generate(TestData.NewStart, US, ledger, [], [], new LocalDate(2011, 12, 31));

        Assert.DoesNotContain(owed, o => o.Type.Id == "change-in-data");
        Assert.Contains(owed, o => o.Type.Id == "initial-database");
    }

    [Fact]
    public void Generate_WarheadEvents_OweNoChangeInData()
    {
        var ledger = Ledger.Create([.. Declaration, new WarheadsLoaded(new LocalDate(2015, 6, 10), "m1", 2), new WarheadsRemoved(new LocalDate(2015, 7, 10), "m1", 2)]);

        var owed = ObligationGenerator.Generate(TestData.NewStart, US, ledger, [], [], new LocalDate(2015, 12, 31));

        Assert.DoesNotContain(owed, o => o.Type.Id == "change-in-data");
    }

    [Theory]
    [InlineData("produced")]
    [InlineData("deployed")]
    [InlineData("moved")]
    [InlineData("status-changed")]
    [InlineData("converted")]
    [InlineData("eliminated")]
    [InlineData("lost")]
    public void Generate_EachItemEventAfterEntryIntoForce_OwesChangeInDataDueFiveDaysLater(string kind)
    {
        var date = new LocalDate(2015, 6, 10);
        ItemEvent e = kind switch
        {
            "produced" => new ItemProduced(date, new Item("m9", US, "icbm", "Minuteman III", "non-deployed", 0, "Hill", ImmutableSortedDictionary<string, string>.Empty)),
            "deployed" => new ItemDeployed(date, "m1", "Warren"),
            "moved" => new ItemMoved(date, "m1", "Warren"),
            "status-changed" => new ItemStatusChanged(date, "m1", "non-deployed"),
            "converted" => new ItemConverted(date, "b1", "converted", null, null, ImmutableSortedDictionary<string, string>.Empty),
            "eliminated" => new ItemEliminated(date, "m1"),
            _ => new ItemLost(date, "m1"),
        };

        // A deployment needs a missile not deployed: for it, m1 is declared withdrawn at entry into force (not a change).
        ItemEvent[] withdrawn = kind == "deployed" ? [new ItemStatusChanged(TestData.NewStart.Dates.EntryIntoForce, "m1", "non-deployed")] : [];

        var owed = ObligationGenerator.Generate(TestData.NewStart, US, Ledger.Create([.. Declaration, .. withdrawn, e]), [], [], new LocalDate(2015, 12, 31));

        var change = Assert.Single(owed, o => o.Type.Id == "change-in-data");
        Assert.Equal(kind, change.Fields["event"]);
        Assert.Equal(date.PlusDays(5).At(new LocalTime(23, 59, 59)), change.Due);
    }
}
