using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Items;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Items;

public class LedgerTests
{
    private static readonly LocalDate Jan1 = new(2020, 1, 1);
    private static readonly LocalDate Feb1 = new(2020, 2, 1);
    private static readonly LocalDate Mar1 = new(2020, 3, 1);
    private static readonly LocalDate Apr1 = new(2020, 4, 1);

    private static ItemProduced Produced(LocalDate date, string uid, string status = "non-deployed", int warheads = 0) =>
        new(date, Item(uid, "US", "icbm", status, warheads, type: "Minuteman III"));

    private static ItemEvent[] History() =>
    [
        Produced(Jan1, "m1"),
        Produced(Jan1, "m2"),
        new ItemDeployed(Feb1, "m1", "Malmstrom AFB"),
        new WarheadsLoaded(Feb1, "m1", 3),
        new WarheadsRemoved(Mar1, "m1", 2),
        new ItemMoved(Mar1, "m2", "Hill AFB"),
        new ItemEliminated(Apr1, "m2"),
    ];

    [Fact]
    public void AsOf_DateBetweenEvents_AppliesEveryEventUpToTheEndOfThatDate()
    {
        var ledger = Ledger.Create(History());

        var onFeb1 = ledger.AsOf(Feb1);
        var onMar1 = ledger.AsOf(Mar1);

        var m1 = onFeb1.Single(i => i.Uid == "m1");
        Assert.Equal(("deployed", "Malmstrom AFB", 3), (m1.Status, m1.Location, m1.Warheads));
        Assert.Equal(1, onMar1.Single(i => i.Uid == "m1").Warheads);
        Assert.Equal("Hill AFB", onMar1.Single(i => i.Uid == "m2").Location);
    }

    [Fact]
    public void AsOf_BeforeTheFirstEvent_IsEmpty()
    {
        var ledger = Ledger.Create(History());

        var inventory = ledger.AsOf(Jan1.PlusDays(-1));

        Assert.Empty(inventory);
        Assert.Equal(Jan1, ledger.Start);
    }

    [Fact]
    public void AsOf_EliminatedItem_LeavesTheSnapshotFromTheEventDate()
    {
        var ledger = Ledger.Create(History());

        var before = ledger.AsOf(Apr1.PlusDays(-1)).Select(i => i.Uid).Order();
        var on = ledger.AsOf(Apr1).Select(i => i.Uid);

        Assert.Equal(["m1", "m2"], before);
        Assert.Equal(["m1"], on);
    }

    [Fact]
    public void AsOf_LostItem_LeavesTheSnapshot()
    {
        var ledger = Ledger.Create([Produced(Jan1, "m1"), Produced(Jan1, "m2"), new ItemLost(Feb1, "m1")]);

        var uids = ledger.AsOf(Feb1).Select(i => i.Uid);

        Assert.Equal(["m2"], uids);
    }

    [Fact]
    public void Create_EventsOutOfDateOrder_AppliesThemByDate()
    {
        ItemEvent[] events = [new ItemStatusChanged(Mar1, "m1", "test"), new ItemDeployed(Feb1, "m1", "Minot AFB"), Produced(Jan1, "m1")];

        var ledger = Ledger.Create(events);

        Assert.Equal([Jan1, Feb1, Mar1], ledger.Events.Select(e => e.Date));
        Assert.Equal("test", ledger.AsOf(Mar1).Single().Status);
    }

    [Fact]
    public void AsOf_Conversion_ChangesKindTypeStatusAndAttributes()
    {
        var ledger = Ledger.Create(
        [
            new ItemProduced(Jan1, Item("b1", "US", "heavy-bomber", "deployed", type: "B-52H", armament: "nuclear")),
            new ItemConverted(Feb1, "b1", "converted", null, null, ImmutableSortedDictionary<string, string>.Empty.Add("armament", "non-nuclear")),
        ]);

        var bomber = ledger.AsOf(Feb1).Single();

        Assert.Equal(("heavy-bomber", "B-52H", "converted", "non-nuclear"), (bomber.Kind, bomber.Type, bomber.Status, bomber.Get("armament")));
        Assert.Equal("nuclear", ledger.AsOf(Jan1).Single().Get("armament"));
    }

    [Fact]
    public void History_KnownUid_GivesItsEventsInOrder()
    {
        var ledger = Ledger.Create(History());

        var history = ledger.History("m2");

        Assert.Equal(["ItemProduced", "ItemMoved", "ItemEliminated"], history.Select(e => e.GetType().Name));
        Assert.All(history, e => Assert.Equal("m2", e.Uid));
    }

    [Fact]
    public void History_UnknownUid_IsEmpty()
    {
        var ledger = Ledger.Create(History());

        var history = ledger.History("nope");

        Assert.Empty(history);
    }

    [Fact]
    public void Create_EventOnAnItemNeverProduced_IsRejectedNamingIt()
    {
        ItemEvent[] events = [Produced(Jan1, "m1"), new ItemDeployed(Feb1, "ghost", "Minot AFB")];

        var error = Assert.Throws<InputException>(() => Ledger.Create(events, "events.csv"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("events.csv: events[1]: 2020-02-01 ghost: deployed at Minot AFB for an item never produced or declared", diagnostic.ToString());
    }

    [Fact]
    public void Create_UidProducedTwice_IsRejected()
    {
        ItemEvent[] events = [Produced(Jan1, "m1"), Produced(Feb1, "m1")];

        var error = Assert.Throws<InputException>(() => Ledger.Create(events));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("events[1]", diagnostic.Path);
        Assert.Contains("2020-02-01 m1: uid used twice", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EventAfterElimination_IsRejectedNamingTheElimination()
    {
        ItemEvent[] events = [Produced(Jan1, "m1"), new ItemEliminated(Feb1, "m1"), new ItemMoved(Mar1, "m1", "Hill AFB")];

        var error = Assert.Throws<InputException>(() => Ledger.Create(events));

        Assert.Equal("2020-03-01 m1: moved to Hill AFB after the item was eliminated on 2020-02-01", Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Create_ProducedAgainAfterElimination_IsRejected()
    {
        ItemEvent[] events = [Produced(Jan1, "m1"), new ItemEliminated(Feb1, "m1"), Produced(Mar1, "m1")];

        var error = Assert.Throws<InputException>(() => Ledger.Create(events));

        Assert.Contains("after the item was eliminated on 2020-02-01", Assert.Single(error.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RemovingMoreWarheadsThanLoaded_IsRejectedWithBothNumbers()
    {
        ItemEvent[] events = [Produced(Jan1, "m1", warheads: 1), new WarheadsLoaded(Feb1, "m1", 2), new WarheadsRemoved(Mar1, "m1", 4)];

        var error = Assert.Throws<InputException>(() => Ledger.Create(events));

        Assert.Equal("2020-03-01 m1: 4 warhead(s) removed from an item carrying 3", Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Create_SeveralImpossibilities_ReportsEveryOne()
    {
        ItemEvent[] events = [new ItemMoved(Jan1, "a", "x"), Produced(Jan1, "m1"), new WarheadsRemoved(Feb1, "m1", 1), new ItemLost(Mar1, "b")];

        var error = Assert.Throws<InputException>(() => Ledger.Create(events));

        Assert.Equal(["events[0]", "events[2]", "events[3]"], error.Diagnostics.Select(d => d.Path));
    }

    [Fact]
    public void AsOf_DeploymentUnderATreatysOwnWord_TakesThatStatus()
    {
        // A draft whose status "ready" plays the role deployed: the event carries the treaty's word.
        var ledger = Ledger.Create([Produced(Jan1, "m1"), new ItemDeployed(Feb1, "m1", "Minot AFB") { Status = "ready" }]);

        var item = Assert.Single(ledger.AsOf(Feb1));

        Assert.Equal(("ready", "Minot AFB"), (item.Status, item.Location));
        Assert.Equal("deployed", new ItemDeployed(Feb1, "m1", "Minot AFB").Status);
    }

    public static TheoryData<ItemEvent, string> ChangesThatChangeNothing => new()
    {
        // m1 is deployed at Malmstrom AFB from Feb1.
        { new ItemDeployed(Mar1, "m1", "Minot AFB"), "deployed at Minot AFB while already deployed at Malmstrom AFB" },
        { new ItemMoved(Mar1, "m1", "Malmstrom AFB"), "moved to Malmstrom AFB, where it already is" },
        { new ItemStatusChanged(Mar1, "m1", "deployed"), "status changed to deployed, the status it already has" },
        { new ItemConverted(Mar1, "m1", "deployed", "icbm", "Minuteman III", ImmutableSortedDictionary<string, string>.Empty), "converted to deployed without any change: it is already a deployed icbm Minuteman III" },
    };

    [Theory]
    [MemberData(nameof(ChangesThatChangeNothing))]
    public void Create_ChangeFromTheStateItStartsIn_IsRejectedNamingThatState(ItemEvent change, string problem)
    {
        ItemEvent[] events = [Produced(Jan1, "m1"), new ItemDeployed(Feb1, "m1", "Malmstrom AFB"), change];

        var error = Assert.Throws<InputException>(() => Ledger.Create(events));

        Assert.Equal($"2020-03-01 m1: {problem}", Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void TryApply_OneTransition_GivesTheStateOrWhyNot()
    {
        var item = Item("m1", "US", "icbm", "non-deployed");

        var deployed = Ledger.TryApply(item, new ItemDeployed(Feb1, "m1", "Minot AFB"), out var after, out var problem);
        var unknown = Ledger.TryApply(null, new ItemMoved(Feb1, "m1", "Minot AFB"), out var none, out var why);

        Assert.True(deployed, problem?.English);
        Assert.Equal(("deployed", "Minot AFB"), (after!.Status, after.Location));
        Assert.False(unknown);
        Assert.Null(none);
        Assert.Equal("moved to Minot AFB for an item never produced or declared", why!.English);
        Assert.Equal("Ledger_NeverProduced", why.Wording.Key);
    }
}
