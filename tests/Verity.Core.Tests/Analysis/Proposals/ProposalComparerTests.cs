using NodaTime;
using Verity.Core.Analysis.Projections;
using Verity.Core.Analysis.Proposals;
using Verity.Core.Forces;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Analysis.Proposals;

/// <summary>
/// Drafts set against projections, checked by hand. SIPRI's military stockpiles of 1 January 2025: US 3,700,
/// RU 4,309, CN 600, GB 225, FR 290; held flat with no spread, every trial is that figure.
/// </summary>
public class ProposalComparerTests
{
    private const string Header = """
        id: test-draft
        name: Test draft
        status: proposal
        proposal: { by: Test, date: 2025-01-01, source: s }
        sources:
          - { id: s, title: Test source, url: "https://example.org/draft" }
        parties:
          - { code: US, name: United States }
          - { code: RU, name: Russia }
          - { code: CN, name: China }
          - { code: GB, name: United Kingdom }
          - { code: FR, name: France }
        groups:
          - { id: west, name: "US + UK + France", members: [US, GB, FR] }
        dates: {}
        item_kinds:
          - { id: warhead, name: Warhead }
        statuses:
          - { id: deployed, role: deployed }
          - { id: stored, role: stored }
        """;

    private static readonly Precedence Bundled = PrecedenceReader.Parse(File.ReadAllText(TestData.DataPath("forces", "precedence.yaml")), "precedence.yaml");

    private static readonly ComparisonSettings In2025 = new(2025, new LocalDate(2024, 2, 5), 2040);
    private static readonly ComparisonSettings In2025BeforeEntryIntoForce = new(2025, new LocalDate(2027, 2, 5), 2040);

    private static EstimateSet Sipri2025(long cn = 600) => new("sipri.csv", [
        Stockpile("US", 3700, 2), Stockpile("RU", 4309, 3), Stockpile("CN", cn, 4), Stockpile("GB", 225, 5), Stockpile("FR", 290, 6),
    ]);

    private static Estimate Stockpile(string state, long value, int line) => new(
        PartyCode.Parse(state), ForceMeasure.Stockpile, new LocalDate(2025, 1, 1), value, null, null, EstimateBasis.Estimate,
        "https://example.org/sipri-2025", new LocalDate(2025, 6, 16), null, $"sipri.csv:{line}");

    private static Treaty Draft(string limits) => TreatyReader.Parse(Header + "\nlimits:\n" + limits, "draft.yaml");

    private static DraftComparison Compare(Treaty draft, EstimateSet estimates, ProjectionModel model, ComparisonSettings? settings = null, int trials = 200) =>
        ProposalComparer.Compare(
            draft,
            settings ?? In2025,
            (state, measure) => estimates.For(state, measure).Any()
                ? Projector.Project(estimates, state, measure, model, new ProjectionOptions(Horizon: 2040, Trials: trials, Seed: 7))
                : null,
            (state, measure, date) => FigurePicker.Pick(estimates, Bundled, state, measure, date));

    private static ProjectionModel FlatNoSpread => ProjectionModel.BuiltIn(ProjectionKind.Hold) with { RelativeSpread = 0 };

    private const string StockpileRule = """
            measure: stockpile
            rule:
              - where: { kind: [warhead], status: [deployed, stored] }
                weight: 1
        """;

    [Fact]
    public void Compare_GroupCeiling_SumsTheMembersStockpiles()
    {
        // Russia's "single fist": the West counted together, 3,700 + 225 + 290 = 4,215, against Russia's 4,309.
        var draft = Draft($"""
              - id: west-stockpile
                name: Stockpile of the group
                max: 4000
                from: 2020-01-01
                scope: {"{"} group: west {"}"}
            {StockpileRule}
              - id: ru-stockpile
                name: Stockpile of Russia
                max: 4000
                from: 2020-01-01
                scope: {"{"} party: RU {"}"}
            {StockpileRule}
            """);

        var comparison = Compare(draft, Sipri2025(), FlatNoSpread);

        var west = Assert.Single(comparison.Limits, l => l.Scope == "group:west");
        var russia = Assert.Single(comparison.Limits, l => l.Scope == "RU");
        Assert.Equal((4215d, 4215d, 4215d), (west.P10!.Value, west.P50!.Value, west.P90!.Value));
        Assert.Equal(4309d, russia.P50);
        Assert.Equal((215d, 309d), (west.Cut!.Value, russia.Cut!.Value));
        Assert.Equal(ComparisonStatus.Exceeds, west.Status);
        Assert.Equal(2024, comparison.EntryIntoForce.Year);
        Assert.Equal(["US", "GB", "FR"], west.Members.Select(m => m.Value));
    }

    [Fact]
    public void Compare_Pifer2500_CutsTwelveHundredAndEighteenHundredNine()
    {
        // At most 2,500 each from seven years after entry into force: the U.S. cuts 3,700 - 2,500 = 1,200, Russia
        // 4,309 - 2,500 = 1,809; the limit is not yet in effect in 2025 (assumed entry into force 2027-02-05).
        var draft = Draft($"""
              - id: total
                name: Total warheads
                max: 2500
                from: {"{"} after_entry_into_force: P7Y {"}"}
                scope: each-party
            {StockpileRule}
            """);

        var comparison = Compare(draft, Sipri2025(), FlatNoSpread, In2025BeforeEntryIntoForce);

        var cuts = comparison.Limits.ToDictionary(l => l.Scope, l => l.Cut);
        Assert.Equal(1200d, cuts["US"]);
        Assert.Equal(1809d, cuts["RU"]);
        Assert.Equal(0d, cuts["CN"]);
        Assert.All(comparison.Limits, l => Assert.Equal(ComparisonStatus.NotYetInEffect, l.Status));
        Assert.Equal("RU", comparison.MustCutMost!.Scope);
        Assert.Equal(1900d, comparison.Limits.Single(l => l.Scope == "CN").Margin);
        Assert.True(comparison.EntryIntoForceAssumed);
        Assert.Contains("2034-02-05", comparison.Limits[0].CeilingBasis!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_PhasedCeilingAndGrowth_BreaksInTheFirstYearTheMedianIsAbove()
    {
        // China from 600 by +100 a year (no spread): 2025 600, 2026 700, ... 2029 1,000, 2030 1,100. The ceiling is
        // 1,500 until 2028, then 1,000: first broken on 1 January 2030 (1,100 > 1,000); in 2029 1,000 is not above.
        var draft = Draft($"""
              - id: stockpile
                name: Stockpile
                schedule:
                  - {"{"} from: 2025-01-01, max: 1500 {"}"}
                  - {"{"} from: 2028-01-01, max: 1000 {"}"}
                scope: {"{"} party: CN {"}"}
            {StockpileRule}
            """);
        var growth = ProjectionModel.BuiltIn(ProjectionKind.Rate) with { Rate = 100, RelativeSpread = 0 };

        var comparison = Compare(draft, Sipri2025(), growth, new ComparisonSettings(2029, new LocalDate(2025, 1, 1), 2040));

        var china = Assert.Single(comparison.Limits);
        Assert.Equal(1000L, china.Max);
        Assert.Equal(1000d, china.P50);
        Assert.Equal(ComparisonStatus.Within, china.Status);
        Assert.Equal(2030, china.BreaksIn);
    }

    [Fact]
    public void Compare_MemberWithoutEstimates_IsUnknownNotAPartialSum()
    {
        var draft = Draft($"""
              - id: west-stockpile
                name: Stockpile of the group
                max: 4000
                from: 2020-01-01
                scope: {"{"} group: west {"}"}
            {StockpileRule}
            """);
        var withoutFrance = new EstimateSet("sipri.csv", [.. Sipri2025().Rows.Where(r => r.State.Value != "FR")]);

        var west = Assert.Single(Compare(draft, withoutFrance, FlatNoSpread).Limits);

        Assert.Equal(ComparisonStatus.NoData, west.Status);
        Assert.Null(west.P50);
        Assert.Contains("FR", west.Note!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Freeze_ResolvesTheCeilingFromTheEstimatesAndTracesTheRow()
    {
        // China's stockpile frozen at its level at entry into force (2027-02-05): the latest estimate then is 600.
        var draft = Draft($"""
              - id: freeze
                name: Stockpile frozen
                schedule:
                  - {"{"} from: {"{"} after_entry_into_force: P0D {"}"}, freeze: {"{"} as_of: {"{"} after_entry_into_force: P0D {"}"} {"}"} {"}"}
                scope: {"{"} party: CN {"}"}
            {StockpileRule}
            """);
        var growth = ProjectionModel.BuiltIn(ProjectionKind.Rate) with { Rate = 100, RelativeSpread = 0 };

        var china = Assert.Single(Compare(draft, Sipri2025(), growth, new ComparisonSettings(2030, new LocalDate(2027, 2, 5), 2040)).Limits);

        Assert.Equal(600L, china.Max);
        Assert.Contains("sipri.csv:4", china.CeilingBasis!.English, StringComparison.Ordinal);
        Assert.Equal(1100d, china.P50);
        Assert.Equal(500d, china.Cut);
        Assert.Equal(2028, china.BreaksIn);
    }

    [Fact]
    public void Compare_LimitWithoutMeasure_IsNoData()
    {
        var draft = Draft("""
              - id: untagged
                name: No measure
                max: 100
                from: 2020-01-01
                scope: each-party
                rule:
                  - where: { kind: [warhead] }
                    weight: 1
            """);

        var comparison = Compare(draft, Sipri2025(), FlatNoSpread);

        Assert.All(comparison.Limits, l => Assert.Equal(ComparisonStatus.NoData, l.Status));
        Assert.All(comparison.Limits, l => Assert.Null(l.P50));
    }

    [Fact]
    public void Compare_GroupWithSpread_PercentilesAreThoseOfTheSumNotTheSumOfPercentiles()
    {
        // Each member uniform on ±10 %: the sum's spread is narrower than the sum of the members' spreads.
        var draft = Draft($"""
              - id: west-stockpile
                name: Stockpile of the group
                max: 4000
                from: 2020-01-01
                scope: {"{"} group: west {"}"}
            {StockpileRule}
            """);
        var hold = ProjectionModel.BuiltIn(ProjectionKind.Hold);

        var west = Assert.Single(Compare(draft, Sipri2025(), hold, trials: 20_000).Limits);
        var sumOfP90 = new[] { 3700, 225, 290 }.Sum(v => v * (0.9 + (0.2 * 0.9)));

        Assert.InRange(west.P50!.Value, 4215 * 0.99, 4215 * 1.01);
        // The U.S. dominates: p90 of the sum is about 3,700 x 1.08 + 225 + 290 = 4,511, the sum of p90s 4,215 x 1.08 = 4,552.
        Assert.InRange(west.P90!.Value, 4495, 4530);
        Assert.True(west.P90 < sumOfP90 - 20, $"p90 of the sum {west.P90} is below the sum of p90s {sumOfP90}");
        Assert.True(west.P10 < west.P50 && west.P50 < west.P90);
    }
}
