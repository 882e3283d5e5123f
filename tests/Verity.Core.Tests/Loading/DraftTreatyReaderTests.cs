using NodaTime;
using Verity.Core.Forces;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Loading;

/// <summary>The format's additions for drafts: proposals, dates after entry into force, schedules, freezes, measures, variants, roles.</summary>
public class DraftTreatyReaderTests
{
    /// <summary>A small draft; <paramref name="limits"/> replaces its limits section, <paramref name="extra"/> is appended at the top level.</summary>
    internal static string Draft(string limits, string extra = "", string status = "status: proposal\nproposal: { by: Someone, date: 2025-01-01, source: s }\nsources: [{ id: s, title: S, url: \"https://example.org\" }]\n", string dates = "dates: {}\n") => $$"""
        id: draft
        name: Draft
        {{status}}parties:
          - { code: US, name: United States }
          - { code: RU, name: Russia }
          - { code: CN, name: China }
        groups:
          - { id: west, members: [US] }
        {{dates}}item_kinds:
          - id: warhead
        statuses:
          - { id: ready, role: deployed }
          - { id: spare, role: stored }
          - { id: retired, role: retired }
        limits:
        {{limits}}{{extra}}
        """;

    private const string Rule = "    rule: [{ where: { kind: [warhead], role: [deployed, stored] }, weight: 1 }]\n";

    private static List<Diagnostic> Problems(string text)
    {
        var problems = new List<Diagnostic>();
        var treaty = TreatyReader.TryParse(text, "draft.yaml", problems);
        Assert.Null(treaty);
        return problems;
    }

    private static Treaty Read(string text) => TreatyReader.Parse(text, "draft.yaml");

    [Fact]
    public void Parse_ProposalWithoutEntryIntoForce_IsAProposalWithUnresolvedDates()
    {
        var treaty = Read(Draft("  - id: total\n    name: Total\n    max: 2500\n    from: { after_entry_into_force: P7Y }\n    scope: each-party\n    measure: stockpile\n" + Rule));

        var limit = treaty.Limits.Single();

        Assert.True(treaty.IsProposal);
        Assert.Equal(("Someone", new LocalDate(2025, 1, 1)), (treaty.Proposal!.By, treaty.Proposal.Date));
        Assert.False(treaty.Dates.HasEntryIntoForce);
        Assert.False(limit.IsResolved);
        Assert.Equal(Period.FromYears(7), limit.Schedule[0].From.AfterEntryIntoForce);
        Assert.Equal(ForceMeasure.Stockpile, limit.Measure);
        Assert.Equal(TreatyStanding.NotInForce, treaty.StandingAt(new LocalDate(2100, 1, 1)));
        Assert.Throws<InvalidOperationException>(() => limit.From);
    }

    [Fact]
    public void AssumingEntryIntoForce_Proposal_ResolvesEveryRelativeDateAndStandsInForceFromIt()
    {
        var treaty = Read(Draft("  - id: total\n    name: Total\n    max: 2500\n    from: { after_entry_into_force: P7Y }\n    scope: each-party\n" + Rule));

        var assumed = treaty.AssumingEntryIntoForce(new LocalDate(2027, 2, 5));

        Assert.Equal(new LocalDate(2034, 2, 5), assumed.Limits[0].From);
        Assert.Equal(Period.FromYears(7), assumed.Limits[0].Schedule[0].From.AfterEntryIntoForce);
        Assert.Equal(TreatyStanding.NotInForce, assumed.StandingAt(new LocalDate(2027, 2, 4)));
        Assert.Equal(TreatyStanding.InForce, assumed.StandingAt(new LocalDate(2027, 2, 5)));
        Assert.False(treaty.Dates.HasEntryIntoForce); // pure: the draft itself is unchanged
    }

    [Fact]
    public void Parse_RelativeDateOnATreatyWithEntryIntoForce_IsResolvedOnReading()
    {
        var text = Draft(
            "  - id: total\n    name: Total\n    max: 2500\n    from: { after_entry_into_force: P7Y }\n    scope: each-party\n" + Rule,
            status: string.Empty,
            dates: "dates: { entry_into_force: 2011-02-05 }\n");

        var treaty = Read(text);

        Assert.False(treaty.IsProposal);
        Assert.Equal(new LocalDate(2018, 2, 5), treaty.Limits[0].From);
    }

    [Fact]
    public void Parse_TreatyWithoutEntryIntoForce_IsRefusedNamingTheField()
    {
        var text = Draft("  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: each-party\n" + Rule, status: string.Empty);

        var problems = Problems(text);

        var problem = Assert.Single(problems);
        Assert.Equal("draft.yaml:9:8: dates.entry_into_force: missing required field 'entry_into_force'", problem.ToString());
    }

    [Fact]
    public void Parse_ProposalStatusWithoutProposal_IsRefused()
    {
        var text = Draft("  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: each-party\n" + Rule, status: "status: proposal\nsources: [{ id: s, title: S, url: \"https://example.org\" }]\n");

        var problems = Problems(text);

        Assert.Contains(problems, p => p.Path == "proposal" && p.Message.Contains("proposal: {by, date, source}", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LimitOnAnUnknownParty_IsRefusedAtTheParty()
    {
        var text = Draft("  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: { party: FR }\n" + Rule);

        var problem = Assert.Single(Problems(text));

        Assert.Equal("draft.yaml:24:21: limits[0].scope.party: unknown party 'FR': the treaty's parties are CN, RU, US", problem.ToString());
    }

    [Fact]
    public void Parse_LimitOnAnUnknownGroup_IsRefusedAtTheGroup()
    {
        var text = Draft("  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: { group: east }\n" + Rule);

        var problem = Assert.Single(Problems(text));

        Assert.Equal("draft.yaml:24:21: limits[0].scope.group: unknown group 'east': define it under groups", problem.ToString());
    }

    [Fact]
    public void Parse_GroupWithNoMembers_IsRefusedAtTheMembers()
    {
        var text = Draft("  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: { group: west }\n" + Rule)
            .Replace("{ id: west, members: [US] }", "{ id: west, members: [] }", StringComparison.Ordinal);

        var problem = Assert.Single(Problems(text));

        Assert.Equal("draft.yaml:11:26: groups[0].members: expected at least 1 item(s), found a list", problem.ToString());
    }

    [Fact]
    public void Parse_GroupNamingAnUnknownParty_IsRefused()
    {
        var text = Draft("  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: { group: west }\n" + Rule)
            .Replace("{ id: west, members: [US] }", "{ id: west, members: [US, GB] }", StringComparison.Ordinal);

        var problem = Assert.Single(Problems(text));

        Assert.Equal("draft.yaml:11:31: groups[0].members[1]: unknown party 'GB': the treaty's parties are CN, RU, US", problem.ToString());
    }

    [Theory]
    [InlineData("P3Y", "P0D", "step 2 from P0D after entry into force does not come after step 1 from P3Y after entry into force")]
    [InlineData("P3Y", "P3Y", "step 2 from P3Y after entry into force does not come after step 1 from P3Y after entry into force")]
    public void Parse_ScheduleStepsNotInDateOrder_AreRefusedAtTheStep(string first, string second, string message)
    {
        var limit = $"  - id: total\n    name: Total\n    scope: each-party\n    schedule:\n      - {{ from: {{ after_entry_into_force: {first} }}, max: 2500 }}\n      - {{ from: {{ after_entry_into_force: {second} }}, max: 2000 }}\n" + Rule;

        var problem = Assert.Single(Problems(Draft(limit)));

        Assert.Equal($"draft.yaml:25:17: limits[0].schedule[1].from: steps out of order: {message}", problem.ToString());
    }

    [Fact]
    public void Parse_ScheduleOfCalendarDatesOutOfOrder_IsRefused()
    {
        var limit = "  - id: total\n    name: Total\n    scope: each-party\n    schedule:\n      - { from: 2031-01-01, max: 2500 }\n      - { from: 2030-01-01, max: 2000 }\n" + Rule;

        var problem = Assert.Single(Problems(Draft(limit)));

        Assert.Equal("limits[0].schedule[1].from", problem.Path);
        Assert.Contains("steps out of order: step 2 from 2030-01-01 does not come after step 1 from 2031-01-01", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LimitWithBothMaxAndSchedule_IsRefused()
    {
        var limit = "  - id: total\n    name: Total\n    max: 1\n    scope: each-party\n    schedule:\n      - { from: 2031-01-01, max: 2500 }\n" + Rule;

        var problem = Assert.Single(Problems(Draft(limit)));

        Assert.Equal("limits[0]", problem.Path);
        Assert.Contains("not max and schedule", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FreezeWithoutMeasure_IsRefused()
    {
        var limit = "  - id: freeze\n    name: Freeze\n    freeze: { as_of: 2030-01-01 }\n    from: 2030-01-01\n    scope: { party: CN }\n" + Rule;

        var problem = Assert.Single(Problems(Draft(limit)));

        Assert.Equal("limits[0]", problem.Path);
        Assert.Contains("add 'measure'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownMeasure_IsRefusedAtTheMeasure()
    {
        var limit = "  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: each-party\n    measure: bombs\n" + Rule;

        var problem = Assert.Single(Problems(Draft(limit)));

        Assert.Equal(("limits[0].measure", 25), (problem.Path, problem.Line));
    }

    [Theory]
    [InlineData("launchers:Minuteman-III")]
    [InlineData("warheads:W76")]
    [InlineData("deployed-nonstrategic")]
    public void Parse_MeasureTags_AreAccepted(string measure)
    {
        var limit = $"  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: each-party\n    measure: \"{measure}\"\n" + Rule;

        var treaty = Read(Draft(limit));

        Assert.Equal(measure, treaty.Limits[0].Measure?.Value);
    }

    [Fact]
    public void Parse_RuleOnARoleNoStatusPlays_IsRefused()
    {
        var limit = "  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: each-party\n    rule: [{ where: { kind: [warhead], role: [training] }, weight: 1 }]\n";

        var problem = Assert.Single(Problems(Draft(limit)));

        Assert.Equal("limits[0].rule[0].where.role[0]", problem.Path);
        Assert.Contains("no status plays the role 'training'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VariantRedefiningAnUnknownGroup_IsRefused()
    {
        var limit = "  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: { group: west }\n" + Rule;
        var variants = "variants:\n  - id: wide\n    groups:\n      - { id: east, members: [US, CN] }\n";

        var problem = Assert.Single(Problems(Draft(limit, variants)));

        Assert.Equal("variants[0].groups[0].id", problem.Path);
        Assert.Contains("unknown group 'east'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithVariant_ChangesTheGroupsMembers()
    {
        var limit = "  - id: total\n    name: Total\n    max: 2500\n    from: 2030-01-01\n    scope: { group: west }\n" + Rule;
        var treaty = Read(Draft(limit, "variants:\n  - id: wide\n    groups:\n      - { id: west, members: [US, CN] }\n"));

        var wide = treaty.WithVariant("wide");

        Assert.Equal(["US"], treaty.FindGroup("west")!.Members.Select(m => m.Value));
        Assert.Equal(["US", "CN"], wide.FindGroup("west")!.Members.Select(m => m.Value));
        Assert.Throws<ArgumentException>(() => treaty.WithVariant("narrow"));
    }
}
