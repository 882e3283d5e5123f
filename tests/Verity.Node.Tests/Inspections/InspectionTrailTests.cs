using Verity.Core.Inspections;
using static Verity.Node.Tests.ReplayedRecord;

namespace Verity.Node.Tests.Inspections;

/// <summary>An inspection's steps checked against both parties' logs, and its findings against Russia's database.</summary>
public sealed class InspectionTrailTests
{
    private const string Id = InspectionScript.Id;

    [Fact]
    public void HonestInspection_RunsToAcknowledged_WithNoFindings_AndUsesOneOfTheQuota()
    {
        var script = new InspectionScript().ThroughCommitments();
        var uid = script.RevealAndSelect();
        var declared = script.Missiles.First(m => m.Uid == uid).Warheads;
        script.Step(US, InspectionStatements.Result, new { inspection = Id, counted = new[] { new { uid, warheads = declared } }, seen = script.AtSite.Select(i => i.Uid) });
        script.Step(US, InspectionStatements.Report, new { inspection = Id, remarks = "as declared" });
        script.Step(RU, InspectionStatements.Acknowledgement, new { inspection = Id });

        var trail = script.Trail();
        var inspection = Assert.Single(trail.Inspections);
        Assert.Equal("acknowledged", inspection.Stage);
        Assert.Empty(inspection.Findings);
        Assert.Empty(inspection.Problems);
        Assert.Equal(uid, Assert.Single(((MissileSelection)inspection.Selection!.Step).Selected));
        Assert.Equal(1, trail.Held.Count(US, "type-one", new(2011, 2, 5), new(2012, 2, 4)).Value);
    }

    [Fact]
    public void StepsOutOfOrder_AreRefused_NamingTheField()
    {
        var script = new InspectionScript();
        AssertRefused(script.Try(US, InspectionStatements.Designation, new { inspection = Id, site = script.Site }), "inspection", "was noticed");
        script.Step(US, InspectionStatements.Notice, new { inspection = Id, inspected = "RU", type = "type-one", arrival = "2011-05-10" });
        AssertRefused(script.Try(RU, InspectionStatements.SiteInformation, new { inspection = Id, site = script.Site, missiles = Array.Empty<object>() }), "inspection", "no designation yet");
        AssertRefused(script.Try(RU, InspectionStatements.Designation, new { inspection = Id, site = script.Site }), "inspection", "stated by US");
        AssertRefused(script.Try(US, InspectionStatements.Designation, new { inspection = Id, site = "Nowhere" }), "site", "'Nowhere' is not a site in RU's database");
        AssertRefused(script.Try(US, InspectionStatements.Result, new { inspection = Id, counted = Array.Empty<object>() }), "inspection", "no selection yet");
        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = Id, inspected = "RU", type = "type-one", arrival = "2011-05-11" }), "inspection", "noticed already");
    }

    [Fact]
    public void Commitment_AfterAReveal_IsRefused_AndARevealMustMatchItsCommitment()
    {
        var script = new InspectionScript();
        script.Step(US, InspectionStatements.Notice, new { inspection = Id, inspected = "RU", type = "type-one", arrival = "2011-05-10" });
        script.Step(US, InspectionStatements.Designation, new { inspection = Id, site = script.Site });
        script.Step(RU, InspectionStatements.SiteInformation, new { inspection = Id, site = script.Site, missiles = script.Missiles.Select(m => new { uid = m.Uid, warheads = m.Warheads }) });
        script.Step(US, InspectionStatements.Commitment, new { inspection = Id, commitment = script.UsNonce.Commitment });
        AssertRefused(script.Try(US, InspectionStatements.Reveal, new { inspection = Id, nonce = script.UsNonce.Nonce }), "inspection", "RU has not committed");
        script.Step(RU, InspectionStatements.Commitment, new { inspection = Id, commitment = script.RuNonce.Commitment });
        AssertRefused(script.Try(RU, InspectionStatements.Reveal, new { inspection = Id, nonce = script.UsNonce.Nonce }), "nonce", "does not match RU's commitment");
        script.Step(US, InspectionStatements.Reveal, new { inspection = Id, nonce = script.UsNonce.Nonce });
        AssertRefused(script.Try(US, InspectionStatements.Commitment, new { inspection = Id, commitment = script.UsNonce.Commitment }), "inspection", "committed to the draw");
    }

    [Fact]
    public void Selection_NotWhatTheDrawSelects_IsRefused_AndAResultOnlyForSelectedMissiles()
    {
        var script = new InspectionScript().ThroughCommitments();
        script.Step(US, InspectionStatements.Reveal, new { inspection = Id, nonce = script.UsNonce.Nonce });
        script.Step(RU, InspectionStatements.Reveal, new { inspection = Id, nonce = script.RuNonce.Nonce });
        var drawn = script.Selected(1)[0];
        var other = script.Missiles.First(m => m.Uid != drawn).Uid;
        AssertRefused(script.Try(US, InspectionStatements.Selection, new { inspection = Id, selected = new[] { other } }), "selected", $"selects {drawn}, not {other}");
        script.Step(US, InspectionStatements.Selection, new { inspection = Id, selected = new[] { drawn } });
        AssertRefused(script.Try(US, InspectionStatements.Result, new { inspection = Id, counted = new[] { new { uid = other, warheads = 1 } } }), "counted[0].uid", $"'{other}' was not selected");
    }

    [Fact]
    public void WithheldReveal_IsNamed_TheSelectionIsVoid_AndNothingMayBeCounted()
    {
        var script = new InspectionScript().ThroughCommitments();
        script.Step(US, InspectionStatements.Reveal, new { inspection = Id, nonce = script.UsNonce.Nonce });
        AssertRefused(script.Try(US, InspectionStatements.Selection, new { inspection = Id, selected = new[] { script.Missiles[0].Uid } }), "selected", "RU has not revealed");
        AssertRefused(script.Try(US, InspectionStatements.Selection, new { inspection = Id, withheld = new[] { "US" } }), "withheld[0]", "US revealed its nonce");
        script.Step(US, InspectionStatements.Selection, new { inspection = Id, withheld = new[] { "RU" } });
        AssertRefused(script.Try(US, InspectionStatements.Result, new { inspection = Id, counted = new[] { new { uid = script.Missiles[0].Uid, warheads = 1 } } }), "counted", "void (RU withheld a reveal)");
        script.Step(US, InspectionStatements.Report, new { inspection = Id, remarks = "RU withheld its reveal" });

        var inspection = script.Trail()[Id]!;
        Assert.Equal("reported", inspection.Stage);
        Assert.Equal([RU], inspection.Withheld.ToArray());
    }

    [Fact]
    public void EveryFindingClass_PlantedInOneInspection_IsFound()
    {
        // Russia's pre-inspection information: one missile of the site left out, one listed with a reentry vehicle fewer
        // than its database gives, one uid no database lists, one its database places at another site.
        var script = new InspectionScript();
        var elsewhere = script.Replay.Russian.ListedItems().Values.First(i => i.Location != script.Site && i.Status == "deployed" && i.Warheads > 0);
        var kept = script.Missiles.Skip(1).ToList();
        var lowered = kept[0];
        var missiles = kept.Select(m => (object)new { uid = m.Uid, warheads = m == lowered ? m.Warheads - 1 : m.Warheads })
            .Append(new { uid = "RU-UNDECLARED-1", warheads = 1 }).Append(new { uid = elsewhere.Uid, warheads = elsewhere.Warheads });
        script.ThroughCommitments(missiles);
        var uid = script.RevealAndSelect();
        var said = uid == lowered.Uid ? lowered.Warheads - 1 : uid == elsewhere.Uid ? elsewhere.Warheads : uid == "RU-UNDECLARED-1" ? 1 : script.Missiles.First(m => m.Uid == uid).Warheads;

        // The inspectors count one more than declared and do not see the first item the database lists at the site.
        var missing = script.AtSite.OrderBy(i => i.Uid, StringComparer.Ordinal).First(i => i.Uid != uid);
        script.Step(US, InspectionStatements.Result, new { inspection = Id, counted = new[] { new { uid, warheads = said + 1 } }, seen = script.AtSite.Where(i => i != missing).Select(i => i.Uid).Append("RU-UNDECLARED-1") });

        var findings = script.Trail()[Id]!.Findings;
        Assert.True(findings.Length == 6, string.Join(" | ", findings.Select(f => $"{f.KindName} {f.Subject} {f.Declared} {f.Found}: {f.Text}")));
        Assert.Contains(findings, f => f.Kind == InspectionFindingKind.MoreWarheadsThanDeclared && f.Subject == uid && f.Declared == said && f.Found == said + 1);
        Assert.Contains(findings, f => f.Kind == InspectionFindingKind.UndeclaredItem && f.Subject == "RU-UNDECLARED-1");
        Assert.Contains(findings, f => f.Kind == InspectionFindingKind.DeclaredElsewhere && f.Subject == elsewhere.Uid && f.Text.Contains(elsewhere.Location, StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Kind == InspectionFindingKind.MissingFromSite && f.Subject == missing.Uid);
        Assert.Contains(findings, f => f.Kind == InspectionFindingKind.SiteNumbersDiffer && f.Subject == lowered.Uid && f.Declared == lowered.Warheads && f.Found == lowered.Warheads - 1);
        Assert.Contains(findings, f => f.Kind == InspectionFindingKind.SiteNumbersDiffer && f.Subject == script.Site && f.Declared == script.Missiles.Length && f.Found == kept.Count && f.Text.Contains($"leaves out {script.Missiles[0].Uid}", StringComparison.Ordinal));
    }

    [Fact]
    public void Notice_WhileInspectionsArePaused_OrBeyondTheQuota_IsRefusedWithTheReason()
    {
        var script = new InspectionScript();
        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = "US-paused", inspected = "RU", type = "type-one", arrival = "2020-06-01" }), "arrival", "paused");
        for (var i = 1; i <= 10; i++)
        {
            script.Step(US, InspectionStatements.Notice, new { inspection = $"US-n{i}", inspected = "RU", type = "type-one", arrival = $"2011-06-{i:00}" });
        }

        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = "US-n11", inspected = "RU", type = "type-one", arrival = "2011-07-01" }), "type", "used up: 10 of 10");

        // A notice dated before those given uses the same treaty year's quota.
        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = "US-n0", inspected = "RU", type = "type-one", arrival = "2011-05-15" }), "type", "used up: 10 of 10 in treaty year 1");
        script.Step(US, InspectionStatements.Notice, new { inspection = "US-t2", inspected = "RU", type = "type-two", arrival = "2011-07-01" });
        Assert.Equal(10, script.Trail().Held.Count(US, "type-one", new(2011, 2, 5), new(2012, 2, 4)).Value);
    }

    [Fact]
    public void Body_NotItsSchema_IsRefusedNamingTheField()
    {
        var script = new InspectionScript();
        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = Id, inspected = "RU", type = "type-one" }), "arrival", "missing required field 'arrival'");
        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = Id, inspected = "CN", type = "type-one", arrival = "2011-05-10" }), "inspected", "not a party of New START");
        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = Id, inspected = "RU", type = "type-three", arrival = "2011-05-10" }), "type", "unknown inspection type 'type-three'");
        AssertRefused(script.Try(US, InspectionStatements.Commitment, new { inspection = Id, commitment = "abc" }), "commitment", "32 bytes in base64");
        AssertRefused(script.Try(US, InspectionStatements.Selection, new { inspection = Id }), string.Empty, "either 'selected'");
        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = Id + "\n", inspected = "RU", type = "type-one", arrival = "2011-05-10" }), "inspection", "ends in a line break");
        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = "RU-1", inspected = "RU", type = "type-one", arrival = "2011-05-10" }), "inspection", "starts with the inspecting party's code");
        AssertRefused(script.Try(US, InspectionStatements.Notice, new { inspection = "US-self", inspected = "US", type = "type-one", arrival = "2011-05-10" }), "inspected", "cannot inspect itself");
        AssertRefused(script.Try(US, InspectionStatements.Selection, new { inspection = Id, withheld = new[] { "RU", "RU" } }), "withheld[1]", "listed twice");
    }

    [Fact]
    public void VoidSelection_StandsOverALaterReveal_AndNoStepOfTheDrawFollowsIt()
    {
        var script = new InspectionScript().ThroughCommitments();
        script.Step(US, InspectionStatements.Reveal, new { inspection = Id, nonce = script.UsNonce.Nonce });
        script.Step(US, InspectionStatements.Selection, new { inspection = Id, withheld = new[] { "RU" } });
        AssertRefused(script.Try(RU, InspectionStatements.Reveal, new { inspection = Id, nonce = script.RuNonce.Nonce }), "inspection", "the draw is over");

        // Russia's node signs its reveal anyway (it had not yet mirrored the selection): read back, the void selection stands.
        script.Force(RU, InspectionStatements.Reveal, new { inspection = Id, nonce = script.RuNonce.Nonce });
        var inspection = script.Trail()[Id]!;
        Assert.Equal("void", inspection.Stage);
        Assert.False(inspection.Reveals.ContainsKey(RU));
        Assert.Contains(inspection.Problems, p => p.Contains("voided the draw, naming RU", StringComparison.Ordinal));
    }

    [Fact]
    public void Ambiguity_RaisedByOneResolvedByTheOther_IsResolvedOnReadBack()
    {
        var script = new InspectionScript().ThroughCommitments();
        script.Step(US, InspectionStatements.Ambiguity, new { inspection = Id, ambiguity = "a1", action = "raised", text = "count disputed" });
        script.Step(RU, InspectionStatements.Ambiguity, new { inspection = Id, ambiguity = "a1", action = "resolved", text = "agreed at the commission" });
        AssertRefused(script.Try(RU, InspectionStatements.Ambiguity, new { inspection = Id, ambiguity = "a1", action = "resolved", text = "again" }), "ambiguity", "resolved already");
        var inspection = script.Trail()[Id]!;
        Assert.Empty(inspection.OpenAmbiguities);
        Assert.Equal(2, inspection.Ambiguities.Count);
        Assert.Empty(inspection.Problems);
    }

    [Fact]
    public void Result_MustCountEverySelectedMissile()
    {
        var script = new InspectionScript().ThroughCommitments();
        script.Step(US, InspectionStatements.Reveal, new { inspection = Id, nonce = script.UsNonce.Nonce });
        script.Step(RU, InspectionStatements.Reveal, new { inspection = Id, nonce = script.RuNonce.Nonce });
        var drawn = script.Selected(2);
        script.Step(US, InspectionStatements.Selection, new { inspection = Id, selected = drawn });
        AssertRefused(script.Try(US, InspectionStatements.Result, new { inspection = Id, counted = new[] { new { uid = drawn[0], warheads = 1 } } }), "counted", $"'{drawn[1]}' was selected and is not counted");
    }

    private static void AssertRefused(System.Collections.Immutable.ImmutableArray<Core.Diagnostic> problems, string field, string words)
    {
        Assert.False(problems.IsEmpty, $"expected a problem at '{field}' saying '{words}'");
        Assert.True(problems.Any(p => p.Path == field && p.Message.Contains(words, StringComparison.Ordinal)), $"expected '{field}': '{words}'; got {string.Join(" | ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
    }
}
