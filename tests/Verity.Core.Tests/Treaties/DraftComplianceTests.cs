using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Forces;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Tests.Loading;
using Verity.Core.Treaties;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Treaties;

/// <summary>Ceiling schedules, freezes and status roles, evaluated.</summary>
public class DraftComplianceTests
{
    private static readonly LocalDate EntryIntoForce = new(2027, 2, 5);

    private const string Rule = "    rule: [{ where: { kind: [warhead], role: [deployed, stored] }, weight: 1 }]\n";

    private const string Phased =
        "  - id: stockpile\n    name: Stockpile\n    scope: each-party\n    measure: stockpile\n    schedule:\n" +
        "      - { from: { after_entry_into_force: P0D }, max: 2500 }\n" +
        "      - { from: { after_entry_into_force: P3Y }, max: 2000 }\n" +
        "      - { from: { after_entry_into_force: P6Y }, max: 1500 }\n" + Rule;

    private const string Freeze =
        "  - id: freeze\n    name: Frozen stockpile\n    freeze: { as_of: { after_entry_into_force: P0D } }\n    from: { after_entry_into_force: P1Y }\n" +
        "    scope: each-party\n    measure: stockpile\n" + Rule +
        "  - id: west-freeze\n    name: Frozen group stockpile\n    freeze: { as_of: 2027-02-05 }\n    from: 2028-02-05\n" +
        "    scope: { group: west }\n    measure: stockpile\n" + Rule;

    private static Treaty Read(string limits, string extra = "") =>
        TreatyReader.Parse(DraftTreatyReaderTests.Draft(limits, extra), "draft.yaml").AssumingEntryIntoForce(EntryIntoForce);

    [Theory]
    [InlineData("2027-02-04", null)]   // before the first step
    [InlineData("2027-02-05", 2500L)]  // entry into force: the first step
    [InlineData("2030-02-04", 2500L)]
    [InlineData("2030-02-05", 2000L)]  // + P3Y
    [InlineData("2033-02-05", 1500L)]  // + P6Y
    [InlineData("2090-01-01", 1500L)]
    public void CeilingAt_PhasedSchedule_GivesTheStepInForce(string date, long? expected)
    {
        var limit = Read(Phased).Limits[0];

        var ceiling = limit.CeilingAt(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);

        Assert.Equal(expected, ceiling);
        Assert.Equal(1500L, limit.Ceiling); // the final ceiling
    }

    [Fact]
    public void Evaluate_PhasedSchedule_ComparesWithTheCeilingInForceOnTheDate()
    {
        var treaty = Read(Phased);
        var inventory = Inventory.From(Many(2100, "us", "US", "warhead", "ready"));

        var early = ComplianceEvaluator.Evaluate(treaty, inventory, new LocalDate(2029, 1, 1), Interpretation.Agreed)["US"]!["stockpile"]!;
        var late = ComplianceEvaluator.Evaluate(treaty, inventory, new LocalDate(2031, 1, 1), Interpretation.Agreed)["US"]!["stockpile"]!;

        Assert.Equal((2100L, 2500L, LimitStatus.Within, 400L), (early.Value, early.Ceiling, early.Status, early.Margin));
        Assert.Equal((2100L, 2000L, LimitStatus.Exceeds, -100L), (late.Value, late.Ceiling, late.Status, late.Margin));
    }

    [Fact]
    public void CeilingAt_FreezeResolvedByAFunction_IsThePartysLevelOnTheFreezeDate()
    {
        var limit = Read(Freeze).Limits[0];
        var asked = new List<(PartyCode, ForceMeasure, LocalDate)>();
        long? Levels(PartyCode party, ForceMeasure measure, LocalDate date)
        {
            asked.Add((party, measure, date));
            return party.Value == "CN" ? 600 : null;
        }

        var china = limit.CeilingAt(new LocalDate(2030, 1, 1), [PartyCode.Parse("CN")], Levels);
        var russia = limit.CeilingAt(new LocalDate(2030, 1, 1), [PartyCode.Parse("RU")], Levels);

        Assert.Equal(600L, china);
        Assert.Null(russia); // its level is unknown: no ceiling, not zero
        Assert.Equal((PartyCode.Parse("CN"), ForceMeasure.Stockpile, EntryIntoForce), asked[0]);
        Assert.Null(limit.CeilingAt(new LocalDate(2030, 1, 1))); // without levels
    }

    [Fact]
    public void Evaluate_Freeze_WithLevelsComparesAndWithoutReportsNoCeiling()
    {
        var treaty = Read(Freeze);
        var inventory = Inventory.From(Many(610, "cn", "CN", "warhead", "spare").Concat(Many(5, "us", "US", "warhead", "ready")));
        long? Levels(PartyCode party, ForceMeasure measure, LocalDate date) => party.Value switch { "CN" => 600, "US" => 3700, _ => null };
        var at = new LocalDate(2030, 1, 1);

        var resolved = ComplianceEvaluator.Evaluate(treaty, inventory, at, Interpretation.Agreed, levels: Levels);
        var unresolved = ComplianceEvaluator.Evaluate(treaty, inventory, at, Interpretation.Agreed);

        Assert.Equal((610L, 600L, LimitStatus.Exceeds), (resolved["CN"]!["freeze"]!.Value, resolved["CN"]!["freeze"]!.Ceiling, resolved["CN"]!["freeze"]!.Status));
        Assert.Equal((3700L, LimitStatus.Within), (resolved["west"]!["west-freeze"]!.Ceiling!.Value, resolved["west"]!["west-freeze"]!.Status));
        var none = unresolved["CN"]!["freeze"]!;
        Assert.Equal((610L, (long?)null, (long?)null, LimitStatus.NoCeiling), (none.Value, none.Ceiling, none.Margin, none.Status));
        Assert.False(unresolved.AnyExceeded);
        Assert.Equal("no-ceiling", StatusWords.Of(none.Status));
    }

    [Fact]
    public void Evaluate_ProposalWithoutAssumedEntryIntoForce_IsACallerBug()
    {
        var draft = TreatyReader.Parse(DraftTreatyReaderTests.Draft(Phased), "draft.yaml");

        var error = Assert.Throws<ArgumentException>(() => ComplianceEvaluator.Evaluate(draft, Inventory.From([]), EntryIntoForce, Interpretation.Agreed));

        Assert.Contains("AssumingEntryIntoForce", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RuleOnRoles_CountsTheDraftsOwnStatusWords()
    {
        // "ready" plays deployed, "spare" stored, "retired" retired: the rule names roles, not words.
        var treaty = Read(Phased);
        var inventory = Inventory.From(Many(3, "r", "US", "warhead", "ready").Concat(Many(2, "s", "US", "warhead", "spare")).Concat(Many(4, "x", "US", "warhead", "retired")));

        var result = ComplianceEvaluator.Evaluate(treaty, inventory, EntryIntoForce, Interpretation.Agreed)["US"]!["stockpile"]!;

        Assert.Equal(5, result.Value);
        Assert.Equal("deployed", treaty.RoleOf("ready"));
        Assert.Equal(["ready"], treaty.StatusesIn(StatusRole.Deployed).ToList());
        Assert.Null(treaty.RoleOf("unknown"));
    }

    [Fact]
    public void RoleOf_BundledTreaties_KeepTheirWordsAsRoles()
    {
        var sort = Bundled("sort");

        Assert.Equal(StatusRole.Deployed, NewStart.RoleOf("deployed"));
        Assert.Equal(StatusRole.Training, NewStart.RoleOf("training"));
        Assert.Equal("operationally-deployed", sort.StatusFor(StatusRole.Deployed));
    }

    [Fact]
    public void CeilingAt_NewStart_IsNullBefore2018AndTheCeilingFromThen()
    {
        var warheads = NewStart.FindLimit("warheads")!;

        Assert.Null(warheads.CeilingAt(new LocalDate(2018, 2, 4)));
        Assert.Equal(1550L, warheads.CeilingAt(new LocalDate(2018, 2, 5)));
    }

    [Theory]
    [InlineData("new-start-observance")]
    [InlineData("pifer-2010")]
    [InlineData("aca-2025")]
    [InlineData("russia-single-fist")]
    [InlineData("trilateral-equal")]
    public void Parse_BundledDraft_IsAProposalCitingItsSources(string name)
    {
        var draft = TreatyReader.Parse(File.ReadAllText(DataPath("treaties", "drafts", name + ".yaml")), name + ".yaml");

        Assert.True(draft.IsProposal);
        Assert.Contains(draft.Sources, s => s.Id == draft.Proposal!.SourceId && s.Url.StartsWith("http", StringComparison.Ordinal));
        // Every limit on warheads themselves carries a measure tag, so drafts can be set side by side.
        var onWarheads = draft.Limits.Where(l => l.Rule.Terms.Any(t => t.Where.Any(c => c.Attribute == "kind" && c.Values.Contains("warhead")))).ToList();
        Assert.All(onWarheads, l => Assert.NotNull(l.Measure));
        var assumed = draft.AssumingEntryIntoForce(draft.Dates.EntryIntoForceDate ?? EntryIntoForce);
        Assert.All(assumed.Limits, l => Assert.True(l.IsResolved));
    }

    [Fact]
    public void WithVariant_RussiaSingleFist_CountsChinaWithRussia()
    {
        var draft = TreatyReader.Parse(File.ReadAllText(DataPath("treaties", "drafts", "russia-single-fist.yaml")), "russia-single-fist.yaml").AssumingEntryIntoForce(EntryIntoForce);
        var inventory = Inventory.From(Many(4309, "ru", "RU", "warhead", "stored").Concat(Many(600, "cn", "CN", "warhead", "stored")));
        var at = EntryIntoForce.PlusYears(8);

        var without = ComplianceEvaluator.Evaluate(draft, inventory, at, Interpretation.Agreed)["east"]!["stockpile-east"]!;
        var with = ComplianceEvaluator.Evaluate(draft.WithVariant("china-with-russia"), inventory, at, Interpretation.Agreed)["east"]!["stockpile-east"]!;

        Assert.Equal((4309L, 4000L, LimitStatus.Exceeds), (without.Value, without.Ceiling, without.Status));
        Assert.Equal(4909L, with.Value);
    }
}
