using Verity.Core.Counting;
using Verity.Core.Items;
using Verity.Core.Loading;

namespace Verity.Core.Tests.Counting;

/// <summary>
/// A line with a quantity counts as that many separate items: compared with the same inventory expanded into one item
/// per unit, under random rules (caps included), on the fast path and the term-by-term path.
/// </summary>
public class QuantityTests
{
    public static TheoryData<int, int, bool> Cases()
    {
        var cases = new TheoryData<int, int, bool>();
        foreach (var seed in Enumerable.Range(1, 8))
        {
            cases.Add(seed, 3, false);
            cases.Add(seed, 300, false);
            cases.Add(seed, 3, true);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Count_LinesWithQuantities_EqualExpandedUnits(int seed, int locations, bool caps)
    {
        var random = new Random(seed);
        string[] parties = caps ? ["US"] : ["US", "RU"];
        var lines = CounterReferenceTests.RandomItems(random, random.Next(50, 120), parties, locations)
            .Select(item => item with { Quantity = random.Next(3) == 0 ? random.Next(2, 40) : 1 })
            .ToList();
        var units = lines.SelectMany(line => Enumerable.Range(0, (int)line.Quantity).Select(k => line with { Uid = $"{line.Uid}-{k}", Quantity = 1 })).ToList();
        var rules = Enumerable.Range(0, 4).Select(_ => CounterReferenceTests.RandomRule(random, caps, locations)).ToList();

        var byLine = Counter.Count(Inventory.From(lines), rules, CounterReferenceTests.Defaults);
        var byUnit = Counter.Count(Inventory.From(units), rules, CounterReferenceTests.Defaults);
        var traced = Counter.Count(Inventory.From(lines), rules, CounterReferenceTests.Defaults, trace: true);

        Assert.True(lines.Count < units.Count, "some line stands for several units");
        for (var r = 0; r < rules.Count; r++)
        {
            foreach (var party in parties.Select(PartyCode.Parse))
            {
                Assert.Equal(byUnit.Value(r, party), byLine.Value(r, party));
                Assert.Equal(byUnit.Value(r, party), traced.Value(r, party));
            }

            Assert.Equal(traced.Contributions(r).Sum(c => c.Weight), parties.Sum(p => traced.Value(r, PartyCode.Parse(p))));
        }
    }

    [Fact]
    public void Count_CappedTermWithQuantity_FillsTheCapAndCountsTheRestUnderTheNextTerm()
    {
        // START I-style discount: the first 150 bombers count 10, the rest 20; one line of 160 bombers.
        var rule = new CountingRule([
            new CountingTerm([new Condition("kind", ["heavy-bomber"], false)], Weight.Constant(10), 150),
            new CountingTerm([new Condition("kind", ["heavy-bomber"], false)], Weight.Constant(20), null),
        ]);
        var bombers = new Item("b", PartyCode.Parse("US"), "heavy-bomber", "B-52H", "deployed", 0, "Minot") { Quantity = 160 };

        var tally = Counter.Count(Inventory.From([bombers]), [rule], CounterReferenceTests.Defaults, trace: true);

        Assert.Equal((150 * 10) + (10 * 20), tally.Value(0, PartyCode.Parse("US")));
        Assert.Equal([1500L, 200L], tally.Contributions(0).Select(c => c.Weight));
    }

    [Fact]
    public void Item_QuantityBelowOne_IsRefused()
    {
        var item = new Item("w", PartyCode.Parse("CN"), "warhead", "stored", "stored", 0, "central storage");

        Assert.Throws<ArgumentOutOfRangeException>(() => item with { Quantity = 0 });
    }
}
