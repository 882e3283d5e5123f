using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Items;
using Verity.Core.Treaties;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Counting;

/// <summary>New START's counting rules (Art. III), by hand, over small inventories.</summary>
public class NewStartCountingTests
{
    private static readonly LocalDate InEffect = new(2019, 1, 1);

    private static ScopeCompliance Us(IEnumerable<Item> items, string interpretation = "agreed", bool trace = false)
    {
        NewStart.TryGetInterpretation(interpretation, out var reading);
        var report = ComplianceEvaluator.Evaluate(NewStart, Inventory.From(items), InEffect, reading, trace: trace);
        return report["US"]!;
    }

    private static (long Deployed, long Warheads, long Launchers) Values(ScopeCompliance scope) =>
        (scope["deployed"]!.Value, scope["warheads"]!.Value, scope["launchers"]!.Value);

    [Fact]
    public void Evaluate_DeployedIcbmsAndSlbms_CountOneEachAndTheirReentryVehicles()
    {
        Item[] items =
        [
            Item("m1", "US", "icbm", "deployed", warheads: 1),
            Item("m2", "US", "icbm", "deployed", warheads: 1),
            Item("m3", "US", "icbm", "deployed", warheads: 3),
            Item("s1", "US", "slbm", "deployed", warheads: 4),
            Item("s2", "US", "slbm", "deployed", warheads: 5),
        ];

        var values = Values(Us(items));

        Assert.Equal((5L, 14L, 0L), values);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    public void Evaluate_DeployedHeavyBomber_CountsOneWarheadWhateverItsLoad(int load)
    {
        Item[] items = [Item("b1", "US", "heavy-bomber", "deployed", warheads: load, type: "B-2A")];

        var values = Values(Us(items));

        Assert.Equal((1L, 1L, 1L), values);
    }

    [Fact]
    public void Evaluate_NonDeployedMissiles_CountNowhere()
    {
        Item[] items =
        [
            Item("m1", "US", "icbm", "non-deployed", warheads: 3),
            Item("s1", "US", "slbm", "non-deployed", warheads: 8),
            Item("m2", "US", "icbm", "test", warheads: 1),
        ];

        var values = Values(Us(items));

        Assert.Equal((0L, 0L, 0L), values);
    }

    [Fact]
    public void Evaluate_DeployedAndNonDeployedLaunchers_CountTowardLaunchersOnly()
    {
        Item[] items =
        [
            Item("l1", "US", "icbm-launcher", "deployed"),
            Item("l2", "US", "icbm-launcher", "non-deployed"),
            Item("l3", "US", "slbm-launcher", "deployed"),
            Item("l4", "US", "slbm-launcher", "non-deployed"),
            Item("b1", "US", "heavy-bomber", "non-deployed", type: "B-52H"),
        ];

        var values = Values(Us(items));

        Assert.Equal((0L, 0L, 5L), values);
    }

    [Fact]
    public void Evaluate_TestLaunchersAndTestHeavyBombers_CountTowardLaunchersOnly()
    {
        Item[] items =
        [
            Item("l1", "US", "icbm-launcher", "test"),
            Item("l2", "US", "slbm-launcher", "test"),
            Item("b1", "US", "heavy-bomber", "test", warheads: 2, type: "B-2A"),
        ];

        var values = Values(Us(items));

        Assert.Equal((0L, 0L, 3L), values);
    }

    [Fact]
    public void Evaluate_ConvertedAndNonNuclearUnderAgreedReading_CountNowhere()
    {
        Item[] items =
        [
            Item("t1", "US", "slbm-launcher", "converted"),
            Item("b1", "US", "heavy-bomber", "converted", type: "B-52H", armament: "non-nuclear"),
            Item("b2", "US", "heavy-bomber", "deployed", type: "B-52H", armament: "non-nuclear"),
            Item("b3", "US", "heavy-bomber", "non-deployed", type: "B-52H", armament: "non-nuclear"),
        ];

        var values = Values(Us(items));

        Assert.Equal((0L, 0L, 0L), values);
    }

    [Fact]
    public void Evaluate_NuclearArmamentGivenOrDefaulted_Counts()
    {
        Item[] items =
        [
            Item("b1", "US", "heavy-bomber", "deployed", type: "B-52H", armament: "nuclear"),
            Item("b2", "US", "heavy-bomber", "deployed", type: "B-52H"),
        ];

        var values = Values(Us(items));

        Assert.Equal((2L, 2L, 2L), values);
    }

    [Fact]
    public void Evaluate_TrainingLaunchersUnderAgreedReading_CountNowhere()
    {
        var items = Many(4, "silo", "US", "icbm-launcher", "training", type: "Minuteman III");

        var values = Values(Us(items));

        Assert.Equal((0L, 0L, 0L), values);
    }

    [Fact]
    public void Evaluate_Ru2022_AddsConvertedSlbmLaunchersConvertedB52HAndTrainingLaunchersTo800()
    {
        // The 2020-09-01 U.S. structure: 454 + 280 + 66 = 800, then Russia's 56 + 41 + 4 = 101 more.
        var items = Many(450, "mm", "US", "icbm-launcher", "deployed")
            .Concat(Many(4, "mmt", "US", "icbm-launcher", "test"))
            .Concat(Many(230, "tr", "US", "slbm-launcher", "deployed"))
            .Concat(Many(50, "trn", "US", "slbm-launcher", "non-deployed"))
            .Concat(Many(48, "hb", "US", "heavy-bomber", "deployed", type: "B-52H"))
            .Concat(Many(13, "hbn", "US", "heavy-bomber", "non-deployed", type: "B-2A"))
            .Concat(Many(5, "hbt", "US", "heavy-bomber", "test", type: "B-2A"))
            .Concat(Many(56, "tube", "US", "slbm-launcher", "converted", type: "Trident II"))
            .Concat(Many(41, "b52c", "US", "heavy-bomber", "converted", type: "B-52H", armament: "non-nuclear"))
            .Concat(Many(4, "silo", "US", "icbm-launcher", "training", type: "Minuteman III"))
            .ToList();

        var agreed = Us(items)["launchers"]!;
        var russian = Us(items, "ru-2022")["launchers"]!;

        Assert.Equal((800L, LimitStatus.Within, 0L), (agreed.Value, agreed.Status, agreed.Margin));
        Assert.Equal((901L, LimitStatus.Exceeds, -101L), (russian.Value, russian.Status, russian.Margin));
    }

    [Fact]
    public void Evaluate_Ru2022_DoesNotAddConvertedBombersOfOtherTypes()
    {
        Item[] items = [Item("b1", "US", "heavy-bomber", "converted", type: "B-1B", armament: "non-nuclear")];

        var launchers = Us(items, "ru-2022")["launchers"]!.Value;

        Assert.Equal(0, launchers);
    }

    [Theory]
    [InlineData(699, LimitStatus.Within, 1)]
    [InlineData(700, LimitStatus.Within, 0)]
    [InlineData(701, LimitStatus.Exceeds, -1)]
    public void Evaluate_DeployedAroundTheCeiling_StatusAndMarginFollowTheCount(int count, LimitStatus status, long margin)
    {
        var items = Many(count, "m", "US", "icbm", "deployed", warheads: 1);

        var deployed = Us(items)["deployed"]!;

        Assert.Equal(((long)count, status, margin, 700L), (deployed.Value, deployed.Status, deployed.Margin, deployed.Ceiling));
        Assert.Equal(count > 700, deployed.OverCeiling);
    }

    [Fact]
    public void Evaluate_WarheadsOverTheCeiling_ReportIsAFinding()
    {
        var items = Many(389, "s", "US", "slbm", "deployed", warheads: 4); // 1,556 warheads

        var report = ComplianceEvaluator.Evaluate(NewStart, Inventory.From(items), InEffect, Interpretation.Agreed);

        Assert.Equal((1556L, LimitStatus.Exceeds), (report["US"]!["warheads"]!.Value, report["US"]!["warheads"]!.Status));
        Assert.Equal(LimitStatus.Within, report["RU"]!["warheads"]!.Status);
        Assert.True(report.AnyExceeded);
    }

    [Fact]
    public void Evaluate_OtherPartysItems_DoNotCount()
    {
        var items = Many(10, "us", "US", "icbm", "deployed", warheads: 1).Concat(Many(3, "ru", "RU", "icbm", "deployed", warheads: 4));

        var report = ComplianceEvaluator.Evaluate(NewStart, Inventory.From(items), InEffect, Interpretation.Agreed);

        Assert.Equal((10L, 10L), (report["US"]!["deployed"]!.Value, report["US"]!["warheads"]!.Value));
        Assert.Equal((3L, 12L), (report["RU"]!["deployed"]!.Value, report["RU"]!["warheads"]!.Value));
    }

    [Fact]
    public void Evaluate_OnlyOneParty_ReportsOnlyThatParty()
    {
        var report = ComplianceEvaluator.Evaluate(NewStart, Inventory.Empty, InEffect, Interpretation.Agreed, PartyCode.Parse("RU"));

        var scopes = report.Scopes.Select(s => s.Scope).ToList();

        Assert.Equal(new[] { "RU" }, scopes);
    }

    [Fact]
    public void Evaluate_Traced_ContributionsNameExactlyTheCountedItems()
    {
        Item[] items =
        [
            Item("m1", "US", "icbm", "deployed", warheads: 3),
            Item("m2", "US", "icbm", "non-deployed", warheads: 3),
            Item("l1", "US", "icbm-launcher", "deployed"),
            Item("b1", "US", "heavy-bomber", "deployed", warheads: 12, type: "B-52H"),
            Item("b2", "US", "heavy-bomber", "deployed", type: "B-52H", armament: "non-nuclear"),
            Item("r1", "RU", "icbm", "deployed", warheads: 4),
            Item("s1", "US", "slbm", "deployed", warheads: 4),
        ];
        var inventory = Inventory.From(items);

        var scope = ComplianceEvaluator.Evaluate(NewStart, inventory, InEffect, Interpretation.Agreed, trace: true)["US"]!;

        string[] Counted(string limit) => [.. scope[limit]!.Contributions.Select(c => inventory[c.ItemIndex].Uid)];
        Assert.Equal(["m1", "b1", "s1"], Counted("deployed"));
        Assert.Equal(["m1", "b1", "s1"], Counted("warheads"));
        Assert.Equal(["l1", "b1"], Counted("launchers"));
        Assert.Equal([3L, 1L, 4L], scope["warheads"]!.Contributions.Select(c => c.Weight));
        Assert.Equal([0, 1, 0], scope["warheads"]!.Contributions.Select(c => c.Term));
        Assert.Equal(scope["warheads"]!.Value, scope["warheads"]!.Contributions.Sum(c => c.Weight));
    }

    [Fact]
    public void Evaluate_NotTraced_HasNoContributions()
    {
        var scope = Us([Item("m1", "US", "icbm", "deployed", warheads: 1)]);

        var contributions = scope["deployed"]!.Contributions;

        Assert.Empty(contributions);
        Assert.Equal(1, scope["deployed"]!.Value);
    }
}
