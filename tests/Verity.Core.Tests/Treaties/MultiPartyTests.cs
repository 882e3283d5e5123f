using NodaTime;
using NodaTime.Text;
using Verity.Core.Compliance;
using Verity.Core.Items;
using Verity.Core.Treaties;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Treaties;

/// <summary>testdata/treaties/three-parties.yaml: suspension and resumption, a withdrawal that leaves the treaty in force, group and party scopes.</summary>
public class MultiPartyTests
{
    private static readonly Lazy<Treaty> ThreeParties = new(() => Vector("three-parties.yaml"));

    private static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).Value;

    [Theory]
    [InlineData("2014-01-09", "RU", TreatyStanding.InForce)]
    [InlineData("2014-01-10", "RU", TreatyStanding.Suspended)]
    [InlineData("2016-04-30", "RU", TreatyStanding.Suspended)]
    [InlineData("2016-05-01", "RU", TreatyStanding.InForce)]   // resumed
    [InlineData("2015-04-09", "UA", TreatyStanding.InForce)]   // notice given 2015-01-10, P3M
    [InlineData("2015-04-10", "UA", TreatyStanding.Withdrawn)]
    [InlineData("2020-01-01", "UA", TreatyStanding.Withdrawn)]
    [InlineData("2015-04-10", "US", TreatyStanding.InForce)]
    public void StandingAt_ThreePartyTreaty_FollowsEachPartysActs(string date, string party, TreatyStanding expected)
    {
        var treaty = ThreeParties.Value;

        var standing = treaty.StandingAt(D(date), PartyCode.Parse(party));

        Assert.Equal(expected, standing);
    }

    [Fact]
    public void TerminatedOn_WithdrawalFromAThreePartyTreaty_DoesNotEndIt()
    {
        var treaty = ThreeParties.Value;

        var terminated = treaty.TerminatedOn;

        Assert.Null(terminated);
        Assert.Equal(TreatyStanding.InForce, treaty.StandingAt(D("2020-01-01")));
    }

    [Fact]
    public void Evaluate_GroupScope_CountsItsMembersTogether()
    {
        var items = Many(60, "ru", "RU", "icbm", "deployed").Concat(Many(50, "ua", "UA", "icbm", "deployed")).Concat(Many(5, "us", "US", "icbm", "deployed"));

        var report = ComplianceEvaluator.Evaluate(ThreeParties.Value, Inventory.From(items), D("2013-01-01"), Interpretation.Agreed);

        var east = report["east"]!["east-deployed"]!;
        Assert.Equal((110L, LimitStatus.Exceeds, -10L), (east.Value, east.Status, east.Margin));
        Assert.Equal(["RU", "UA"], report["east"]!.Members.Select(m => m.Value));
        Assert.Equal(60, report["RU"]!["deployed"]!.Value);
        Assert.Null(report["RU"]!["east-deployed"]);
    }

    [Fact]
    public void Evaluate_PartyScope_AppliesToThatPartyOnly()
    {
        var items = Many(11, "us", "US", "bomber", "stored").Concat(Many(20, "ru", "RU", "bomber", "deployed"));

        var report = ComplianceEvaluator.Evaluate(ThreeParties.Value, Inventory.From(items), D("2013-01-01"), Interpretation.Agreed);

        Assert.Equal((11L, LimitStatus.Exceeds), (report["US"]!["us-bombers"]!.Value, report["US"]!["us-bombers"]!.Status));
        Assert.Null(report["RU"]!["us-bombers"]);
        Assert.Null(report["UA"]!["us-bombers"]);
    }

    [Fact]
    public void Evaluate_OnlyRussia_IncludesTheGroupsItBelongsTo()
    {
        var report = ComplianceEvaluator.Evaluate(ThreeParties.Value, Inventory.Empty, D("2013-01-01"), Interpretation.Agreed, PartyCode.Parse("RU"));

        var scopes = report.Scopes.Select(s => s.Scope);

        Assert.Equal(["RU", "east"], scopes);
    }

    [Fact]
    public void Evaluate_OneMemberSuspended_GroupLimitStillApplies()
    {
        var items = Many(101, "ua", "UA", "icbm", "deployed");

        var report = ComplianceEvaluator.Evaluate(ThreeParties.Value, Inventory.From(items), D("2014-06-01"), Interpretation.Agreed);

        Assert.Equal(TreatyStanding.Suspended, report["RU"]!.Standing);
        Assert.Equal(LimitStatus.Exceeds, report["east"]!["east-deployed"]!.Status);
    }

    [Fact]
    public void Evaluate_WithdrawnParty_ItsLimitsShowTreatyNotInForce()
    {
        var report = ComplianceEvaluator.Evaluate(ThreeParties.Value, Inventory.Empty, D("2016-01-01"), Interpretation.Agreed);

        var ukraine = report["UA"]!["deployed"]!.Status;

        Assert.Equal(LimitStatus.TreatyNotInForce, ukraine);
        Assert.Equal(LimitStatus.Within, report["US"]!["us-bombers"]!.Status);
    }
}
