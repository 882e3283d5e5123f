using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Items;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Notifications;

/// <summary>A hand-built record that makes one notification of a type owed, with the trigger and deadline the treaty gives it.</summary>
/// <param name="TypeId">The notification type.</param>
/// <param name="Party">The party that owes it.</param>
/// <param name="Ledger">The items' events.</param>
/// <param name="Activities">Launches, flights and the like.</param>
/// <param name="Received">Notifications received from the other party.</param>
/// <param name="Until">The last date generated.</param>
/// <param name="Subject">The expected subject.</param>
/// <param name="Triggered">The expected trigger.</param>
/// <param name="Due">The expected deadline, from the provision (Protocol Part Four): "no later than N days after" allows the whole last day.</param>
public sealed record NotificationScenario(
    string TypeId,
    PartyCode Party,
    Ledger Ledger,
    ImmutableArray<Activity> Activities,
    ImmutableArray<NotificationDocument> Received,
    LocalDate Until,
    string Subject,
    LocalDateTime Triggered,
    LocalDateTime Due)
{
    public Treaty Treaty { get; } = TestData.NewStart;

    public ImmutableArray<Obligation> Generate() =>
        ObligationGenerator.Generate(Treaty, Party, Ledger, Activities, Received, Until);

    /// <summary>The one obligation of the scenario's type.</summary>
    public Obligation Owed() => Generate().Single(o => o.Type.Id == TypeId);

    /// <summary>A document discharging <paramref name="obligation"/>, sent at <paramref name="sent"/>.</summary>
    public static NotificationDocument Document(Obligation obligation, LocalDateTime sent, string number = "US-000001") =>
        new(obligation.Type.Id, obligation.Party, number, sent, obligation.Subject, obligation.TriggeredAt.Date, obligation.Fields);

    public override string ToString() => TypeId;
}

/// <summary>One scenario per notification type of the bundled New START catalogue.</summary>
public static class NotificationScenarios
{
    public static readonly PartyCode US = PartyCode.Parse("US");
    public static readonly PartyCode RU = PartyCode.Parse("RU");
    public static readonly LocalDate EntryIntoForce = new(2011, 2, 5);

    /// <summary>The US's initial declaration: an ICBM and a heavy bomber, declared on entry into force.</summary>
    public static ImmutableArray<ItemEvent> Declaration =>
    [
        new ItemProduced(EntryIntoForce, new Item("m1", US, "icbm", "Minuteman III", "deployed", 1, "Malmstrom", ImmutableSortedDictionary<string, string>.Empty)),
        new ItemProduced(EntryIntoForce, new Item("b1", US, "heavy-bomber", "B-52H", "deployed", 1, "Minot", ImmutableSortedDictionary<string, string>.Empty)),
    ];

    public static Ledger DeclarationOnly => Ledger.Create(Declaration);

    public static ImmutableSortedDictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToImmutableSortedDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    public static TheoryData<string> TypeIds => [.. TestData.NewStart.Notifications.Select(n => n.Id)];

    public static NotificationScenario For(string typeId)
    {
        var none = ImmutableArray<Activity>.Empty;
        var received = ImmutableArray<NotificationDocument>.Empty;
        return typeId switch
        {
            // Part Four, Section II, para. 3: no later than five days after it occurs.
            "change-in-data" => new(
                typeId, US, Ledger.Create([.. Declaration, new ItemMoved(new LocalDate(2015, 6, 10), "m1", "Warren")]), none, received,
                new LocalDate(2015, 7, 31), "m1:moved", new LocalDateTime(2015, 6, 10, 0, 0), new LocalDateTime(2015, 6, 15, 23, 59, 59)),

            // Section II, para. 2: first period from 2011-03-01; due 30 days after each period ends.
            "six-month-update" => new(
                typeId, US, DeclarationOnly, none, received,
                new LocalDate(2011, 11, 30), "2011-09-01", new LocalDateTime(2011, 9, 1, 0, 0), new LocalDateTime(2011, 10, 1, 23, 59, 59)),

            // Section II, para. 1: no later than 45 days after entry into force.
            "initial-database" => new(
                typeId, US, DeclarationOnly, none, received,
                new LocalDate(2011, 6, 30), "entry-into-force", new LocalDateTime(2011, 2, 5, 0, 0), new LocalDateTime(2011, 3, 22, 23, 59, 59)),

            // Section IV, para. 1: no less than 24 hours before any launch.
            "icbm-slbm-launch" => new(
                typeId, US, DeclarationOnly,
                [new Activity("L-2019-07", US, "launch", new LocalDateTime(2019, 7, 1, 10, 0), Fields(("launch", "L-2019-07"), ("type", "Minuteman III"), ("planned", "2019-07-01T10:00"), ("launch_area", "Vandenberg")))],
                received, new LocalDate(2019, 7, 31), "L-2019-07", new LocalDateTime(2019, 7, 1, 10, 0), new LocalDateTime(2019, 6, 30, 10, 0)),

            // Section IV, para. 2: no later than 180 days after receipt.
            "telemetry-deficiency" => new(
                typeId, US, DeclarationOnly,
                [new Activity("T-2019-03", US, "telemetry-received", new LocalDateTime(2019, 3, 1, 9, 0), Fields(("launch", "RU-L-2019-02")))],
                received, new LocalDate(2019, 12, 31), "T-2019-03", new LocalDateTime(2019, 3, 1, 9, 0), new LocalDateTime(2019, 8, 28, 23, 59, 59)),

            // Section IV, para. 3: the other party explains no later than 60 days after it receives the notification.
            "telemetry-deficiency-explanation" => new(
                typeId, US, DeclarationOnly, none,
                [new NotificationDocument("telemetry-deficiency", RU, "RU-000042", new LocalDateTime(2019, 8, 1, 9, 0), "T-RU-2019", new LocalDate(2019, 3, 1), Fields(("launch", "L-2019-01"), ("deficiency", "channels 3 and 7 missing")))],
                new LocalDate(2019, 12, 31), "RU-000042", new LocalDateTime(2019, 8, 1, 9, 0), new LocalDateTime(2019, 9, 30, 23, 59, 59)),

            // Section VI, para. 1: for the current year no later than 30 days after entry into force.
            "inspection-airplane-clearance" => new(
                typeId, US, DeclarationOnly, none, received,
                new LocalDate(2011, 6, 30), "entry-into-force", new LocalDateTime(2011, 2, 5, 0, 0), new LocalDateTime(2011, 3, 7, 23, 59, 59)),

            // Section VI, para. 1: no less than 30 days before each following calendar year.
            "inspection-airplane-clearance-renewal" => new(
                typeId, US, DeclarationOnly, none, received,
                new LocalDate(2011, 12, 31), "2012-01-01", new LocalDateTime(2012, 1, 1, 0, 0), new LocalDateTime(2011, 12, 2, 0, 0)),

            // Section VI, para. 2: no less than six hours before the planned departure.
            "inspection-flight-plan" => new(
                typeId, US, DeclarationOnly,
                [new Activity("IA-2016-05", US, "inspection-flight", new LocalDateTime(2016, 5, 10, 14, 0), Fields(("flight", "IA-2016-05"), ("departure", "2016-05-10T14:00"), ("airfield", "Travis")))],
                received, new LocalDate(2016, 5, 31), "IA-2016-05", new LocalDateTime(2016, 5, 10, 14, 0), new LocalDateTime(2016, 5, 10, 8, 0)),

            // Paragraph not retrieved: the deadline is taken as the departure itself.
            "heavy-bomber-abroad" => new(
                typeId, US, DeclarationOnly,
                [new Activity("X-2016-09", US, "heavy-bomber-exit", new LocalDateTime(2016, 9, 20, 6, 30), Fields(("uid", "b1"), ("departure", "2016-09-20T06:30"), ("destination", "Fairford")))],
                received, new LocalDate(2016, 9, 30), "X-2016-09", new LocalDateTime(2016, 9, 20, 6, 30), new LocalDateTime(2016, 9, 20, 6, 30)),

            _ => throw new ArgumentException($"no scenario for notification type '{typeId}'", nameof(typeId)),
        };
    }
}
