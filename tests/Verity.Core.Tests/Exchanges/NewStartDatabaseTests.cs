using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Tests.Analysis.Replay;

namespace Verity.Core.Tests.Exchanges;

/// <summary>The databases of the bundled New START record, built from the replay's ledger.</summary>
public class NewStartDatabaseTests(NewStartRecord record) : IClassFixture<NewStartRecord>
{
    private static readonly PartyCode Us = PartyCode.Parse("US");

    private Database Build(LocalDate date, PartyCode party) =>
        Database.Build(ExchangeData.NewStart, record.Treaty, record.Ledger, party, date);

    [Fact]
    public void Build_Us20200901_HasThePublishedAggregatesAndBreakdown()
    {
        var database = Build(new LocalDate(2020, 9, 1), Us);

        Assert.Equal(675, database.Aggregate("deployed"));
        Assert.Equal(1457, database.Aggregate("warheads"));
        Assert.Equal(800, database.Aggregate("launchers"));
        Assert.Equal(397, database["deployed-icbms"]!.Count);
        Assert.Equal(397, database["deployed-icbms"]!.Items.Length);
        Assert.All(database["deployed-icbms"]!.Items, i => Assert.Equal("Minuteman III", i.Type));
    }

    [Fact]
    public void Build_EveryDataDateOfTheRecord_HasEveryPublishedAggregate()
    {
        var published = record.Figures.Where(f => f.Value is not null).ToList();

        var wrong = new List<string>();
        foreach (var group in published.GroupBy(f => (f.Date, f.Party)))
        {
            var database = Build(group.Key.Date, group.Key.Party);
            wrong.AddRange(group
                .Where(f => database.Aggregate(f.Measure) != f.Value)
                .Select(f => $"{f.Date:yyyy-MM-dd} {f.Party} {f.Measure}: published {f.Value}, database {database.Aggregate(f.Measure)}"));
        }

        Assert.True(published.Count > 100, $"{published.Count} published figures");
        Assert.Empty(wrong);
    }

    [Fact]
    public void Build_EveryDataDateOfTheRecord_WarheadsByBaseAddUpToTheLimitsValue()
    {
        foreach (var date in record.Figures.Select(f => f.Date).Distinct())
        {
            foreach (var party in record.Treaty.Parties.Select(p => p.Code))
            {
                var warheads = Build(date, party).Warheads;

                Assert.Equal(0, warheads.Unassigned);
                Assert.Equal(warheads.Total, warheads.Groups.Sum(g => g.Total));
                var missiles = warheads.Groups.Single(g => g.Id == "deployed-missiles");
                Assert.Equal(missiles.Total, missiles.ByBase.Sum(b => b.Count));
            }
        }
    }

    [Fact]
    public void DataDates_OfTheRecord_AreScheduledExchangesSaveTheCentralLimitsDate()
    {
        var schedule = ExchangeData.NewStartSchedule;

        var unscheduled = record.Figures.Select(f => f.Date).Distinct().Where(d => schedule.At(d) is null).ToList();

        // 2018-02-05: the aggregates as of the date the central limits took effect (Art. II.1), published in
        // 2018 beside the regular updates.
        Assert.Equal([new LocalDate(2018, 2, 5)], unscheduled);
    }

    [Fact]
    public void Between_SuccessiveExchanges_ChangesAreExactlyTheListedItemsTheLedgerTouched()
    {
        var exchanges = ExchangeData.NewStartSchedule.Exchanges(new LocalDate(2023, 3, 1));
        var events = record.Ledger.Events;
        var checkedChanges = 0;
        foreach (var party in record.Treaty.Parties.Select(p => p.Code))
        {
            var earlier = Build(exchanges[0].AsOf, party);
            foreach (var exchange in exchanges.Skip(1))
            {
                var later = Build(exchange.AsOf, party);
                var diff = DatabaseDiff.Between(earlier, later);
                var touched = events.Where(e => e.Date > earlier.AsOf && e.Date <= later.AsOf).Select(e => e.Uid).ToHashSet(StringComparer.Ordinal);
                var inDiff = diff.Items.Select(c => c.Uid).ToHashSet(StringComparer.Ordinal);
                var before = earlier.ListedItems();
                var after = later.ListedItems();

                // Nothing changes that no event touched.
                Assert.All(inDiff, uid => Assert.Contains(uid, touched));

                // Every listed item an event touched is in the diff, or ends as it began.
                foreach (var uid in touched.Where(u => before.ContainsKey(u) || after.ContainsKey(u)))
                {
                    var same = before.TryGetValue(uid, out var b) && after.TryGetValue(uid, out var a) && a == b;
                    Assert.True(inDiff.Contains(uid) || same, $"{party} {earlier.AsOf:yyyy-MM-dd}→{later.AsOf:yyyy-MM-dd}: {uid} touched by the ledger but not in the diff");
                }

                // Each item category's count moves by the items that entered it less those that left.
                foreach (var category in later.Categories.Where(c => c.Detail == CategoryDetail.Items))
                {
                    var was = earlier[category.Id]!.Items.Select(i => i.Uid).ToHashSet(StringComparer.Ordinal);
                    var now = category.Items.Select(i => i.Uid).ToHashSet(StringComparer.Ordinal);
                    Assert.Equal(category.Count - earlier[category.Id]!.Count, now.Count(u => !was.Contains(u)) - was.Count(u => !now.Contains(u)));
                }

                checkedChanges += inDiff.Count;
                earlier = later;
            }
        }

        Assert.True(checkedChanges > 1000, $"{checkedChanges} item changes checked");
    }
}
