using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Counting;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Loading;

public class RegressionTests
{
    [Fact]
    public void Parse_MaxAsText_PointsAtMaxWithExpectedInteger()
    {
        var text = File.ReadAllText(TestData.VectorPath("treaties", "max-as-text.yaml"));

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text, "max-as-text.yaml"));

        Assert.Equal("max-as-text.yaml:34:10: limits[0].max: expected an integer, found \"seven hundred\"", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Evaluate_StartIAlcmBomberCap_AppliesPerPartyNotAcrossParties()
    {
        // START I Art. III: the first 150 U.S. ALCM heavy bombers count 10 each. Russian bombers listed first
        // must not use up the U.S. allowance.
        var treaty = TestData.Bundled("start-i");
        static Item Bomber(string uid, string party, string capacity) => new(uid, PartyCode.Parse(party), "heavy-bomber", "B", "deployed", 0, "base",
            ImmutableSortedDictionary<string, string>.Empty.Add("armament", "nuclear-alcm").Add("alcm-capacity", capacity));
        var items = Enumerable.Range(1, 150).Select(i => Bomber($"ru{i}", "RU", "16")).Append(Bomber("us1", "US", "20"));

        var report = ComplianceEvaluator.Evaluate(treaty, Inventory.From(items), new LocalDate(2002, 1, 1), Interpretation.Agreed);

        Assert.Equal(10, report["US"]!["warheads-us"]!.Value);
    }

    [Fact]
    public void Count_ConditionOnUid_MatchesTheItem()
    {
        // TreatyReader accepts `uid` in a rule's where (BuiltInFilterAttributes), so the counter must honour it.
        var rule = new CountingRule([new CountingTerm([new Condition("uid", ["b"], false)], Weight.Constant(1))]);
        var inventory = Inventory.From([TestData.Item("a", "US", "icbm", "deployed"), TestData.Item("b", "US", "icbm", "deployed")]);

        var tally = Counter.Count(inventory, [rule], ImmutableDictionary<string, string>.Empty);

        Assert.Equal(1, tally.Value(0, PartyCode.Parse("US")));
    }

    [Fact]
    public void Create_LoadingANegativeNumberOfWarheads_IsRejected()
    {
        // Ledger's contract: "warheads never below zero".
        ItemEvent[] events =
        [
            new ItemProduced(new LocalDate(2020, 1, 1), TestData.Item("m1", "US", "icbm", "deployed", warheads: 1)),
            new WarheadsLoaded(new LocalDate(2020, 2, 1), "m1", -5),
        ];

        var create = () => Ledger.Create(events);

        Assert.Throws<InputException>(() => create());
    }
}

public class SchemaRegressionTests
{
    [Theory]
    [InlineData("unknown-act.yaml", "unknown-act.yaml:23:10: lifecycle[1].act: expected one of entry-into-force, extension, suspension, resumption, withdrawal-notice, withdrawal, termination, inspections-paused, inspections-resumed, inspections-exempted, note, found \"extend\"")]
    public void Parse_EnumErrorInAListItem_PointsAtTheField(string file, string expected)
    {
        var text = File.ReadAllText(TestData.VectorPath("treaties", file));

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text, file));

        Assert.Equal(expected, Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Parse_UnknownScopeText_IsRejected()
    {
        // schema: scope is oneOf [const "each-party", {party}, {group}]; "everyone" matches none.
        var text = File.ReadAllText(TestData.VectorPath("treaties", "unknown-scope.yaml"));

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text, "unknown-scope.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("limits[0].scope", 36), (diagnostic.Path, diagnostic.Line));
    }
}
