using NodaTime;
using Verity.Core.Counting;
using Verity.Core.Loading;
using Verity.Core.Tests.Counting;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Loading;

public class TreatyReaderTests
{
    [Fact]
    public void Parse_NewStart_HasThreeLimitsWithTheirCeilingsFrom2018()
    {
        var treaty = TestData.NewStart;

        var limits = treaty.Limits.Select(l => (l.Id, l.Ceiling, l.From)).ToList();

        var from = new LocalDate(2018, 2, 5);
        Assert.Equal([("deployed", 700L, from), ("warheads", 1550L, from), ("launchers", 800L, from)], limits);
    }

    [Fact]
    public void Parse_NewStart_HasTwoPartiesAndEachPartyScope()
    {
        var treaty = TestData.NewStart;

        var parties = treaty.Parties.Select(p => p.Code.Value).ToList();

        Assert.Equal(["US", "RU"], parties);
        Assert.All(treaty.Limits, l => Assert.Same(LimitScope.EachParty, l.Scope));
    }

    [Fact]
    public void Parse_NewStart_AllowsTenTypeOneAndEightTypeTwoInspectionsAYear()
    {
        var treaty = TestData.NewStart;

        var quotas = treaty.Inspections.Quotas.Select(q => (q.Type, q.PerYear)).ToList();

        Assert.Equal([("type-one", 10), ("type-two", 8)], quotas);
        Assert.Equal(18, treaty.Inspections.TotalPerYear(1));
        Assert.Equal(18, treaty.Inspections.TotalPerYear(15));
        Assert.Equal(new LocalDate(2011, 4, 6), treaty.Inspections.From);
    }

    [Fact]
    public void Parse_NewStart_ExpiresTenYearsAfterEntryIntoForcePlusTheFiveYearExtension()
    {
        var treaty = TestData.NewStart;

        var expiry = treaty.Expiry;

        Assert.Equal(new LocalDate(2010, 4, 8), treaty.Dates.Signature);
        Assert.Equal(new LocalDate(2011, 2, 5), treaty.Dates.EntryIntoForce);
        Assert.Equal(Period.FromYears(10), treaty.Dates.Duration);
        Assert.Equal(Period.FromYears(5), treaty.Dates.MaxExtension);
        Assert.Equal(Period.FromMonths(3), treaty.Dates.WithdrawalNotice);
        Assert.Equal(new LocalDate(2026, 2, 5), expiry);
        Assert.Null(treaty.TerminatedOn);
    }

    [Fact]
    public void Parse_NewStart_HasTheRu2022InterpretationOverlayingLaunchers()
    {
        var treaty = TestData.NewStart;

        var found = treaty.TryGetInterpretation("ru-2022", out var interpretation);

        Assert.True(found);
        var overlay = Assert.Single(interpretation.Overlays);
        Assert.Equal("launchers", overlay.LimitId);
        Assert.Null(overlay.Replace);
        Assert.Equal(3, overlay.Add!.Terms.Length);
        Assert.Equal(["agreed", "ru-2022"], new[] { "agreed", "ru-2022", "us-2022" }.Where(id => treaty.TryGetInterpretation(id, out _)));
    }

    [Fact]
    public void LimitsUnder_Ru2022_AppendsTheOverlayTermsToLaunchersOnly()
    {
        var treaty = TestData.NewStart;
        treaty.TryGetInterpretation("ru-2022", out var interpretation);

        var limits = treaty.LimitsUnder(interpretation);

        Assert.Equal(2, treaty.FindLimit("launchers")!.Rule.Terms.Length);
        Assert.Equal(5, limits.Single(l => l.Id == "launchers").Rule.Terms.Length);
        Assert.Equal(treaty.FindLimit("deployed")!.Rule, limits.Single(l => l.Id == "deployed").Rule);
        Assert.Equal(treaty.FindLimit("warheads")!.Rule, limits.Single(l => l.Id == "warheads").Rule);
    }

    [Fact]
    public void Parse_StartI_LoadsWithItsGroupAndExpiry()
    {
        var treaty = TestData.Bundled("start-i");

        var group = treaty.FindGroup("former-ussr");

        Assert.NotNull(group);
        Assert.Equal(["RU", "BY", "KZ", "UA"], group.Members.Select(m => m.Value));
        Assert.Equal(new LocalDate(2009, 12, 5), treaty.Expiry);
        Assert.NotEmpty(treaty.Limits);
    }

    [Fact]
    public void Parse_Sort_LoadsAndIsTerminatedByNewStart()
    {
        var treaty = TestData.Bundled("sort");

        var terminated = treaty.TerminatedOn;

        Assert.Equal(new LocalDate(2011, 2, 5), terminated);
        Assert.Equal(new LocalDate(2012, 12, 31), treaty.Expiry);
        Assert.Equal(2200, treaty.FindLimit("warheads")!.Ceiling);
    }

    [Fact]
    public void Parse_MinimalValidVector_Loads()
    {
        var treaty = TestData.Vector("valid-mini.yaml");

        var limit = Assert.Single(treaty.Limits);

        Assert.Equal(("deployed", 700L), (limit.Id, limit.Ceiling));
        Assert.Equal(new LocalDate(2026, 2, 5), treaty.Expiry);
    }

    [Theory]
    [InlineData("\nlimits:", "  - id: armament\n    values: [a, b]\n", "attributes[1].id: 'armament' is defined twice")]
    [InlineData("\nattributes:", "  - id: deployed\n    role: non-deployed\n", "statuses[6].id: 'deployed' is defined twice")]
    public void Parse_DefinedTwiceWithAnotherMeaning_OneDiagnosticNotAnException(string before, string second, string expected)
    {
        // The second definition differs from the first, so a dictionary keyed by id would throw while the duplicate is reported.
        var text = File.ReadAllText(TestData.DataPath("treaties", "new-start.yaml"));

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text.Insert(text.IndexOf(before, StringComparison.Ordinal), "\n" + second.TrimEnd('\n')), "new-start.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(expected, $"{diagnostic.Path}: {diagnostic.Message}");
    }

    [Theory]
    [InlineData("syntax-error.yaml", "syntax-error.yaml:38:50: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("limit-without-rule.yaml", "limit-without-rule.yaml:32:5: limits[0].rule: missing required field 'rule'")]
    [InlineData("unknown-party-in-group.yaml", "unknown-party-in-group.yaml:11:19: groups[0].members[1]: unknown party 'FR': the treaty's parties are RU, US")]
    [InlineData("unknown-kind-in-rule.yaml", "unknown-kind-in-rule.yaml:38:25: limits[0].rule[0].where.kind[0]: unknown kind 'slbm': expected one of bomber, icbm")]
    [InlineData("unknown-status-in-rule.yaml", "unknown-status-in-rule.yaml:38:41: limits[0].rule[0].where.status[0]: unknown status 'operational': expected one of deployed, stored")]
    [InlineData("unknown-group-in-scope.yaml", "unknown-group-in-scope.yaml:36:21: limits[0].scope.group: unknown group 'east': define it under groups")]
    [InlineData("unknown-limit-in-overlay.yaml", "unknown-limit-in-overlay.yaml:44:16: interpretations[0].overlays[0].limit: unknown limit 'warheads': the treaty's limits are deployed")]
    [InlineData("signature-after-entry.yaml", "signature-after-entry.yaml:14:21: dates.entry_into_force: dates out of order: entry into force 2011-02-05 is before signature 2012-04-08")]
    [InlineData("lifecycle-out-of-order.yaml", "lifecycle-out-of-order.yaml:25:11: lifecycle[2].date: dates out of order: 2018-02-05 comes after 2021-02-03 in the lifecycle")]
    [InlineData("extension-too-long.yaml", "extension-too-long.yaml:24:13: lifecycle[1].period: extension of P7Y is longer than the P5Y the treaty allows")]
    [InlineData("duplicate-limit-id.yaml", "duplicate-limit-id.yaml:40:9: limits[1].id: 'deployed' is defined twice")]
    [InlineData("impossible-date.yaml", "impossible-date.yaml:35:11: limits[0].from: '2018-02-31' is not a calendar date")]
    [InlineData("unknown-field.yaml", "unknown-field.yaml:35:5: limits[0].ceiling: unknown field 'ceiling'")]
    [InlineData("duplicate-key.yaml", "duplicate-key.yaml:35:5: not valid YAML: Duplicate key max")]
    [InlineData("interpretation-named-agreed.yaml", "interpretation-named-agreed.yaml:41:9: interpretations[0].id: 'agreed' names the treaty's own rules and cannot be redefined")]
    [InlineData("unknown-source.yaml", "unknown-source.yaml:37:13: limits[0].source: unknown source 'treaty': list it under sources")]
    [InlineData("suspension-without-party.yaml", "suspension-without-party.yaml:25:5: lifecycle[2]: a suspension act names the party acting: add 'party'")]
    [InlineData("exemption-without-party.yaml", "exemption-without-party.yaml:25:5: lifecycle[2]: an inspections-exempted act names the party acting: add 'party'")]
    [InlineData("pause-with-party.yaml", "pause-with-party.yaml:27:12: lifecycle[2].party: an inspections-paused act is agreed by all parties and names none: remove 'party', or use inspections-exempted or suspension for one party's act")]
    [InlineData("extension-not-allowed.yaml", "extension-not-allowed.yaml:22:13: lifecycle[1].period: the treaty allows no extension: add dates.extension.max")]
    [InlineData("withdrawal-notice-without-period.yaml", "withdrawal-notice-without-period.yaml:24:5: lifecycle[2]: a withdrawal notice needs the treaty's notice period: add dates.withdrawal_notice")]
    [InlineData("default-not-in-values.yaml", "default-not-in-values.yaml:34:14: attributes[0].default: default 'maybe' is not one of the values nuclear, non-nuclear")]
    [InlineData("missing-entry-into-force.yaml", "missing-entry-into-force.yaml:13:3: dates.entry_into_force: missing required field 'entry_into_force'")]
    [InlineData("unknown-filter-attribute.yaml", "unknown-filter-attribute.yaml:38:59: limits[0].rule[0].where.color: unknown attribute 'color': filter on kind, type, status, party, location or an attribute defined under attributes")]
    [InlineData("expiry-and-duration.yaml", "expiry-and-duration.yaml:16:11: dates.expiry: give either a duration or an expiry date, not both")]
    public void Parse_BadVector_ReportsOneDiagnosticAtFileLineColumnAndField(string file, string expected)
    {
        var text = File.ReadAllText(TestData.VectorPath("treaties", file));

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text, file));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(expected, diagnostic.ToString());
        Assert.Equal(file, diagnostic.Source);
        Assert.True(diagnostic.Line > 1, "the line is past the comment line");
        Assert.True(diagnostic.Column > 0);
    }

    [Fact]
    public void TryParse_BadVector_ReturnsNullAndCollectsTheProblem()
    {
        var text = File.ReadAllText(TestData.VectorPath("treaties", "unknown-group-in-scope.yaml"));
        var problems = new List<Diagnostic>();

        var treaty = TreatyReader.TryParse(text, "f.yaml", problems);

        Assert.Null(treaty);
        Assert.Equal("limits[0].scope.group", Assert.Single(problems).Path);
    }

    [Fact]
    public void ApplyTo_ReplaceAndAdd_UsesTheReplacementThenTheAddedTerms()
    {
        var own = CounterTests.Rule(CounterTests.Term(Weight.Constant(1), CounterTests.In("kind", "a")));
        var replacement = CounterTests.Rule(CounterTests.Term(Weight.Constant(2)));
        var added = CounterTests.Rule(CounterTests.Term(Weight.Constant(3)));

        var rule = new RuleOverlay("x", added, replacement).ApplyTo(own);

        Assert.Equal(["2", "3"], rule.Terms.Select(t => t.Weight.ToString()));
        Assert.Same(own, new RuleOverlay("x", null, null).ApplyTo(own));
    }

    [Fact]
    public void Parse_EmptyText_ReportsAnEmptyFile()
    {
        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(string.Empty, "empty.yaml"));

        Assert.Equal("empty.yaml:1:1: the file is empty: expected a YAML mapping", Assert.Single(error.Diagnostics).ToString());
    }
}
