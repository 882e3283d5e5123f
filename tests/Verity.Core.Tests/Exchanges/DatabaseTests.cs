using System.Security.Cryptography;
using Verity.Core.Compliance;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Treaties;
using static Verity.Core.Tests.Exchanges.HandMadeForces;

namespace Verity.Core.Tests.Exchanges;

public class DatabaseTests
{
    private static Database Build(NodaTime.LocalDate day) => Database.Build(ExchangeData.NewStart, TestData.NewStart, Ledger(), Us, day);

    [Fact]
    public void Build_HandMadeForces_AggregatesCountedByHand()
    {
        var database = Build(Day1);

        Assert.Equal(4, database.Aggregate("deployed"));
        Assert.Equal(9, database.Aggregate("warheads"));
        Assert.Equal(6, database.Aggregate("launchers"));
    }

    [Fact]
    public void Build_HandMadeForces_CategoriesCountedByHand()
    {
        var database = Build(Day1);

        var counts = database.Categories.ToDictionary(c => c.Id, c => c.Count);
        Assert.Equal(2, counts["deployed-icbms"]);
        Assert.Equal(1, counts["non-deployed-icbms"]);
        Assert.Equal(2, counts["deployed-icbm-launchers"]);
        Assert.Equal(1, counts["non-deployed-icbm-launchers"]);
        Assert.Equal(1, counts["deployed-slbms"]);
        Assert.Equal(1, counts["deployed-slbm-launchers"]);
        Assert.Equal(1, counts["deployed-heavy-bombers"]);
        Assert.Equal(1, counts["non-deployed-heavy-bombers"]);
        Assert.Equal(1, counts["converted-heavy-bombers"]);
        Assert.Equal(["m1", "m2"], database["deployed-icbms"]!.Items.Select(i => i.Uid));
        Assert.Equal(new DatabaseItem("m2", "icbm", "Minuteman III", "deployed", "Malmstrom AFB", 3), database["deployed-icbms"]!.Items[1]);
        Assert.Equal([new LocationCount("Malmstrom AFB", 1), new LocationCount("Minot AFB", 1)], database["deployed-icbm-launchers"]!.ByLocation.AsEnumerable());
        Assert.Empty(database["deployed-icbm-launchers"]!.Items);
    }

    [Fact]
    public void Build_HandMadeForces_LeavesOutTheOtherPartysItems()
    {
        var database = Build(Day1);

        Assert.DoesNotContain(database.Categories.SelectMany(c => c.Items), i => i.Uid == "r1");
        Assert.DoesNotContain(database.Facilities, f => f.Location == "Teykovo");
        Assert.Equal(PartyCode.Parse("US"), database.Party);
    }

    [Fact]
    public void Build_HandMadeForces_WarheadsByBaseAndForBombers()
    {
        var warheads = Build(Day1).Warheads;

        Assert.Equal(9, warheads.Total);
        var missiles = warheads.Groups.Single(g => g.Id == "deployed-missiles");
        Assert.Equal(8, missiles.Total);
        Assert.Equal(
            [new LocationCount("Kings Bay", 4), new LocationCount("Malmstrom AFB", 3), new LocationCount("Minot AFB", 1)],
            missiles.ByBase.AsEnumerable());
        var bombers = warheads.Groups.Single(g => g.Id == "deployed-heavy-bombers");
        Assert.Equal(1, bombers.Total);
        Assert.Empty(bombers.ByBase);
        Assert.Equal(0, warheads.Unassigned);
    }

    [Fact]
    public void Build_MissileMovedBetweenBases_MovesItsWarheads()
    {
        var before = Build(Day1).Warheads.Groups[0].ByBase;
        var after = Build(Day2).Warheads.Groups[0].ByBase;

        Assert.Contains(new LocationCount("Malmstrom AFB", 3), before);
        Assert.DoesNotContain(after, b => b.Location == "Malmstrom AFB");
        Assert.Contains(new LocationCount("Minot AFB", 4), after);
        Assert.Equal(Build(Day1).Warheads.Total, Build(Day2).Warheads.Total);
    }

    [Fact]
    public void Build_EliminatedItem_LeavesTheDatabase()
    {
        var database = Build(Day3);

        Assert.DoesNotContain(database.Categories.SelectMany(c => c.Items), i => i.Uid == "m1");
        Assert.Equal(1, database["deployed-icbms"]!.Count);
        Assert.Equal(2, database.Aggregate("deployed")); // m2, s1
        Assert.Equal(8, database.Aggregate("warheads")); // m2 3 + s1 5
    }

    [Fact]
    public void Build_HandMadeForces_FacilitiesHoldEveryItemByKindAndStatus()
    {
        var facilities = Build(Day1).Facilities;

        Assert.Equal(["Barksdale AFB", "Davis-Monthan AFB", "Hill AFB", "Kings Bay", "Malmstrom AFB", "Minot AFB"], facilities.Select(f => f.Location));
        Assert.Equal(
            [new FacilityHolding("icbm", "deployed", 1), new FacilityHolding("icbm-launcher", "deployed", 1), new FacilityHolding("icbm-launcher", "non-deployed", 1)],
            facilities.Single(f => f.Location == "Malmstrom AFB").Holdings.AsEnumerable());
        Assert.Equal(11, facilities.Sum(f => f.Total));
    }

    [Fact]
    public void Build_Aggregates_EqualTheComplianceValues()
    {
        var inventory = Ledger().AsOf(Day1);

        var database = Database.Build(ExchangeData.NewStart, TestData.NewStart, inventory, Us, Day1);
        var scope = ComplianceEvaluator.Evaluate(TestData.NewStart, inventory, Day1, Interpretation.Agreed, Us)["US"]!;

        Assert.Equal(["deployed", "warheads", "launchers"], database.Aggregates.Select(a => a.Limit));
        Assert.All(database.Aggregates, a => Assert.Equal(scope[a.Limit]!.Value, a.Value));
        Assert.Equal(scope["warheads"]!.Value, database.Warheads.Total);
        Assert.Equal("Art. II.1(b)", database.Aggregates[1].Article);
    }

    [Fact]
    public void ToJson_TwoBuildsFromItemsInAnotherOrder_AreByteIdentical()
    {
        var items = Ledger().AsOf(Day1);

        var first = Database.Build(ExchangeData.NewStart, TestData.NewStart, items, Us, Day1);
        var second = Database.Build(ExchangeData.NewStart, TestData.NewStart, Inventory.From(items.Reverse()), Us, Day1);

        Assert.Equal(first.ToJson().ToArray(), second.ToJson().ToArray());
        Assert.Equal(first.Hash, second.Hash);
    }

    [Fact]
    public void Hash_IsTheSha256OfTheJson()
    {
        var database = Build(Day1);

        var expected = Convert.ToHexStringLower(SHA256.HashData(database.ToJson()));

        Assert.Equal(expected, database.Hash.ToString());
        Assert.Equal(64, database.Hash.ToString().Length);
    }

    [Fact]
    public void Hash_DifferentData_Differs()
    {
        Assert.NotEqual(Build(Day1).Hash, Build(Day2).Hash);
    }

    [Fact]
    public void ToJson_HandMadeForces_KeysInOrdinalOrderAndNoWhitespace()
    {
        var json = Build(Day1).ToJsonString();

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var keys = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(["aggregates", "as_of", "categories", "facilities", "party", "treaty", "warheads"], keys);
        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
        Assert.StartsWith("{\"aggregates\":[{\"article\":\"Art. II.1(a)\",\"limit\":\"deployed\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"kind\":\"icbm\",\"location\":\"Malmstrom AFB\",\"status\":\"deployed\",\"type\":\"Minuteman III\",\"uid\":\"m2\",\"warheads\":3}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DefinitionOfAnotherTreaty_Throws()
    {
        var definition = ExchangeData.NewStart with { TreatyId = "start-i" };

        var error = Assert.Throws<ArgumentException>(() => Database.Build(definition, TestData.NewStart, Ledger(), Us, Day1));

        Assert.Contains("start-i", error.Message, StringComparison.Ordinal);
    }
}
