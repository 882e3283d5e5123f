using System.Collections.Immutable;
using System.Globalization;
using Verity.Core.Counting;
using Verity.Core.Items;

namespace Verity.Core.Tests.Counting;

/// <summary>The generic rule engine: term order, conditions, defaults, weights and caps.</summary>
public class CounterTests
{
    private static readonly PartyCode Us = PartyCode.Parse("US");
    private static readonly ImmutableDictionary<string, string> NoDefaults = ImmutableDictionary<string, string>.Empty;

    internal static Condition In(string attribute, params string[] values) => new(attribute, [.. values], false);

    internal static Condition NotIn(string attribute, params string[] values) => new(attribute, [.. values], true);

    internal static CountingTerm Term(Weight weight, params Condition[] where) => new([.. where], weight);

    internal static CountingRule Rule(params CountingTerm[] terms) => new([.. terms]);

    private static Item Bomber(string uid, string type, string? armament = null, string? alcm = null)
    {
        var attributes = ImmutableSortedDictionary<string, string>.Empty;
        attributes = armament is null ? attributes : attributes.Add("armament", armament);
        attributes = alcm is null ? attributes : attributes.Add("alcm", alcm);
        return new Item(uid, Us, "heavy-bomber", type, "deployed", 0, "base", attributes);
    }

    [Fact]
    public void Count_ItemMatchingTwoTerms_CountsUnderTheFirstOnly()
    {
        var rule = Rule(Term(Weight.Constant(5), In("kind", "icbm")), Term(Weight.Constant(1)));
        var inventory = Inventory.From([TestData.Item("a", "US", "icbm", "deployed"), TestData.Item("b", "US", "slbm", "deployed")]);

        var tally = Counter.Count(inventory, [rule], NoDefaults, trace: true);

        Assert.Equal(6, tally.Value(0, Us));
        Assert.Equal([(0, 0, 5L), (1, 1, 1L)], tally.Contributions(0).Select(c => (c.ItemIndex, c.Term, c.Weight)));
    }

    [Fact]
    public void Count_ItemMatchingNoTerm_CountsZeroAndIsNotTraced()
    {
        var rule = Rule(Term(Weight.Constant(1), In("kind", "icbm"), In("status", "deployed")));
        var inventory = Inventory.From([TestData.Item("a", "US", "icbm", "stored"), TestData.Item("b", "US", "slbm", "deployed")]);

        var tally = Counter.Count(inventory, [rule], NoDefaults, trace: true);

        Assert.Equal(0, tally.Value(0, Us));
        Assert.Empty(tally.Contributions(0));
    }

    [Fact]
    public void Count_NotCondition_ExcludesListedValuesAndHoldsWhereTheAttributeIsAbsent()
    {
        var rule = Rule(Term(Weight.Constant(1), NotIn("armament", "non-nuclear")));
        var inventory = Inventory.From([Bomber("a", "B-52H", "nuclear"), Bomber("b", "B-52H", "non-nuclear"), Bomber("c", "B-52H")]);

        var tally = Counter.Count(inventory, [rule], NoDefaults, trace: true);

        Assert.Equal(2, tally.Value(0, Us));
        Assert.Equal([0, 2], tally.Contributions(0).Select(c => c.ItemIndex));
    }

    [Theory]
    [InlineData("nuclear", 2)]     // the item without armament takes the default and counts
    [InlineData("non-nuclear", 1)] // the item without armament takes the default and is left out
    public void Count_AttributeDefault_AppliesToItemsWithoutTheAttribute(string fallback, long expected)
    {
        var rule = Rule(Term(Weight.Constant(1), In("armament", "nuclear")));
        var inventory = Inventory.From([Bomber("a", "B-52H", "nuclear"), Bomber("b", "B-52H", "non-nuclear"), Bomber("c", "B-52H")]);
        var defaults = new Dictionary<string, string> { ["armament"] = fallback };

        var tally = Counter.Count(inventory, [rule], defaults);

        Assert.Equal(expected, tally.Value(0, Us));
    }

    [Fact]
    public void Count_LookupWeightByType_AttributesEachTypeItsNumberAndOthersTheFallback()
    {
        // START I style: warheads attributed by type, not the reentry vehicles carried.
        var table = ImmutableDictionary<string, long>.Empty.Add("Minuteman III", 3).Add("Peacekeeper", 10);
        var rule = Rule(Term(Weight.Lookup("type", table, 1), In("kind", "icbm")));
        var inventory = Inventory.From(
        [
            TestData.Item("a", "US", "icbm", "deployed", warheads: 1, type: "Minuteman III"),
            TestData.Item("b", "US", "icbm", "deployed", warheads: 1, type: "Minuteman III"),
            TestData.Item("c", "US", "icbm", "deployed", warheads: 0, type: "Peacekeeper"),
            TestData.Item("d", "US", "icbm", "deployed", warheads: 7, type: "SS-27"),
        ]);

        var tally = Counter.Count(inventory, [rule], NoDefaults);

        Assert.Equal(3 + 3 + 10 + 1, tally.Value(0, Us));
    }

    [Fact]
    public void Count_LookupWeightByAbsentAttribute_UsesTheDefaultValuesWeight()
    {
        var table = ImmutableDictionary<string, long>.Empty.Add("nuclear", 4).Add("non-nuclear", 0);
        var rule = Rule(Term(Weight.Lookup("armament", table, 100)));
        var inventory = Inventory.From([Bomber("a", "B-52H", "non-nuclear"), Bomber("b", "B-52H")]);
        var defaults = new Dictionary<string, string> { ["armament"] = "nuclear" };

        var tally = Counter.Count(inventory, [rule], defaults);

        Assert.Equal(4, tally.Value(0, Us));
    }

    [Fact]
    public void Count_NumericAttributeWeight_AddsTheNumberAndZeroWhereItIsNotANumber()
    {
        var rule = Rule(Term(Weight.FromAttribute("alcm")));
        var inventory = Inventory.From([Bomber("a", "B-52H", alcm: "20"), Bomber("b", "B-52H", alcm: "12"), Bomber("c", "B-52H", alcm: "many"), Bomber("d", "B-52H")]);

        var tally = Counter.Count(inventory, [rule], NoDefaults);

        Assert.Equal(32, tally.Value(0, Us));
    }

    [Fact]
    public void Count_MaxItems_FirstNCountUnderTheTermAndTheRestFallToLaterTerms()
    {
        // START I Art. III: the first 3 (150 in the treaty) ALCM bombers count 10 each; the rest their ALCM capacity.
        var rule = Rule(
            new CountingTerm([In("kind", "heavy-bomber")], Weight.Constant(10), MaxItems: 3),
            Term(Weight.FromAttribute("alcm"), In("kind", "heavy-bomber")));
        var inventory = Inventory.From(Enumerable.Range(1, 5).Select(i => Bomber($"b{i}", "B-52H", alcm: "20")));

        var tally = Counter.Count(inventory, [rule], NoDefaults, trace: true);

        Assert.Equal((3 * 10) + (2 * 20), tally.Value(0, Us));
        Assert.Equal([0, 0, 0, 1, 1], tally.Contributions(0).Select(c => c.Term));
    }

    [Fact]
    public void Count_MaxItemsOnALaterTerm_SkipsItemsTakenByEarlierTerms()
    {
        var rule = Rule(
            Term(Weight.Constant(100), In("type", "B-2A")),
            new CountingTerm([], Weight.Constant(10), MaxItems: 2),
            Term(Weight.Constant(1)));
        var inventory = Inventory.From([Bomber("a", "B-2A"), Bomber("b", "B-52H"), Bomber("c", "B-2A"), Bomber("d", "B-52H"), Bomber("e", "B-52H")]);

        var tally = Counter.Count(inventory, [rule], NoDefaults);

        Assert.Equal(100 + 10 + 100 + 10 + 1, tally.Value(0, Us));
    }

    [Fact]
    public void Count_SeveralRules_EachCountsOnItsOwn()
    {
        var byKind = Rule(Term(Weight.Constant(1), In("kind", "icbm")));
        var byWarheads = Rule(Term(Weight.FromAttribute("warheads")));
        var inventory = Inventory.From([TestData.Item("a", "US", "icbm", "deployed", warheads: 3), TestData.Item("b", "US", "slbm", "deployed", warheads: 4)]);

        var tally = Counter.Count(inventory, [byKind, byWarheads], NoDefaults);

        Assert.Equal((2, 1L, 7L), (tally.RuleCount, tally.Value(0, Us), tally.Value(1, Us)));
    }

    [Fact]
    public void Count_EmptyInventory_CountsZero()
    {
        var tally = Counter.Count(Inventory.Empty, [Rule(Term(Weight.Constant(1)))], NoDefaults);

        var value = tally.Value(0, Us);

        Assert.Equal(0, value);
    }

    [Fact]
    public void Contributions_UntracedTally_Throws()
    {
        var tally = Counter.Count(Inventory.Empty, [Rule(Term(Weight.Constant(1)))], NoDefaults);

        var error = Assert.Throws<InvalidOperationException>(() => tally.Contributions(0));

        Assert.Contains("trace: true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_SeveralParties_SumsTheirValues()
    {
        var rule = Rule(Term(Weight.Constant(1)));
        var inventory = Inventory.From([TestData.Item("a", "US", "icbm", "deployed"), TestData.Item("b", "RU", "icbm", "deployed"), TestData.Item("c", "RU", "icbm", "deployed")]);

        var tally = Counter.Count(inventory, [rule], NoDefaults);

        Assert.Equal((1L, 2L, 3L, 0L), (tally.Value(0, Us), tally.Value(0, PartyCode.Parse("RU")), tally.Value(0, [Us, PartyCode.Parse("RU")]), tally.Value(0, PartyCode.Parse("UA"))));
    }

    [Fact]
    public void Constant_NegativeWeight_Throws()
    {
        var act = () => Weight.Constant(-1);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void Holds_AbsentValue_HoldsOnlyWhenNegated()
    {
        var positive = In("armament", "nuclear");
        var negative = NotIn("armament", "nuclear");

        var results = (positive.Holds(null), negative.Holds(null), positive.Holds("nuclear"), negative.Holds("nuclear"));

        Assert.Equal((false, true, true, false), results);
    }
}
