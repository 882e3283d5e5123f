using NodaTime;
using Verity.Core.Analysis.Replay;
using Verity.Core.Compliance;
using Verity.Core.Items;

namespace Verity.Core.Tests.Analysis.Replay;

public class ReplayRunnerTests(NewStartRecord record) : IClassFixture<NewStartRecord>
{
    private static readonly PartyCode Us = PartyCode.Parse("US");
    private static readonly PartyCode Ru = PartyCode.Parse("RU");

    private ReplayPoint Point(string date, PartyCode party) =>
        record.Result.Points.Single(p => p.Date == NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value && p.Party == party);

    [Fact]
    public void Run_NewStartRecord_ComparesMoreThanAHundredFiguresAndMatchesEveryOne()
    {
        var result = record.Result;

        var mismatches = result.Points.SelectMany(p => p.Mismatches.Select(m => $"{p.Date:yyyy-MM-dd} {p.Party} {m}: published {p.Published[m].Value}, computed {p.Computed[m]}")).ToList();

        Assert.True(result.Compared > 100, $"compared {result.Compared}");
        Assert.Empty(mismatches);
        Assert.Equal(result.Compared, result.Matched);
    }

    [Fact]
    public void Run_NewStartRecord_EveryPublishedOrDerivedValueEqualsTheComputedOne()
    {
        var published = record.Figures.Where(f => f.Value is not null && f.Basis is "published" or "derived").ToList();

        var wrong = published.Where(f => Point(f.Date.ToString("yyyy-MM-dd", null), f.Party).Computed[f.Measure] != f.Value).ToList();

        Assert.True(published.Count > 100);
        Assert.Empty(wrong);
        Assert.Equal(published.Count, record.Result.Compared);
    }

    [Fact]
    public void Run_NewStartRecord_EveryBreakdownMatches()
    {
        var checks = record.Result.Breakdowns;

        var misses = checks.Where(b => !b.Matches).Select(b => $"{b.Published.Date:yyyy-MM-dd} {b.Published.Label}: published {b.Published.Count}, computed {b.Computed}");

        Assert.Equal(record.Breakdowns.Length, checks.Length);
        Assert.NotEmpty(checks);
        Assert.Empty(misses);
        Assert.True(record.Result.AllMatch);
    }

    [Fact]
    public void Run_Ru2022On20220301_UsLaunchersAre901WhileTheAgreedValueIs800()
    {
        var point = Point("2022-03-01", Us);

        var (agreed, russian) = (point.Computed["launchers"], point.Reading["launchers"]);

        Assert.Equal((800L, 901L), (agreed, russian));
        Assert.Equal(point.Computed["deployed"], point.Reading["deployed"]);
        Assert.Equal(point.Computed["warheads"], point.Reading["warheads"]);
    }

    [Fact]
    public void Run_Ru2022_ChangesNothingForRussia()
    {
        var points = record.Result.Points.Where(p => p.Party == Ru);

        var differing = points.Where(p => p.Computed.Any(kv => p.Reading[kv.Key] != kv.Value)).ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void Run_NewStartRecord_StatusesFollowTheTreatyDates()
    {
        var early = Point("2011-02-05", Us);
        var inEffect = Point("2022-03-01", Ru);

        var statuses = (early.Status["launchers"], inEffect.Status["warheads"]);

        Assert.Equal((LimitStatus.NotYetInEffect, LimitStatus.Within), statuses);
    }

    [Fact]
    public void Run_NewStartRecord_MeasuresAreTheThreeLimits()
    {
        var measures = record.Result.Measures;

        Assert.Equal(["deployed", "warheads", "launchers"], measures.ToArray());
    }

    [Fact]
    public void Synthesize_NewStartRecord_IsAPossibleHistory()
    {
        var events = new HistorySynthesizer(record.Model, record.Figures, record.Breakdowns).Synthesize();

        var ledger = Ledger.Create(events, "replay");

        Assert.Equal(events.Length, ledger.Events.Length);
        Assert.True(events.Length > 1000);
    }

    [Fact]
    public void Ledger_NewStartRecord_CountsTheFirstPublishedFiguresOnTheFirstDate()
    {
        var inventory = record.Ledger.AsOf(new LocalDate(2011, 2, 5));

        var report = ComplianceEvaluator.Evaluate(record.Treaty, inventory, new LocalDate(2011, 2, 5), Verity.Core.Treaties.Interpretation.Agreed);

        // Published 2011-02-05: US 882 / 1,800 / 1,124; RU 521 / 1,537 / 865.
        Assert.Equal((882L, 1800L, 1124L), (report["US"]!["deployed"]!.Value, report["US"]!["warheads"]!.Value, report["US"]!["launchers"]!.Value));
        Assert.Equal((521L, 1537L, 865L), (report["RU"]!["deployed"]!.Value, report["RU"]!["warheads"]!.Value, report["RU"]!["launchers"]!.Value));
    }

    [Fact]
    public void History_ASynthesizedItem_StartsWithItsProduction()
    {
        var uid = record.Ledger.Events[^1].Uid;

        var history = record.Ledger.History(uid);

        Assert.IsType<ItemProduced>(history[0]);
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.True(pair.First.Date <= pair.Second.Date));
    }

    [Fact]
    public void Run_TreatyThatLeavesTestLaunchersOut_MissesThePublishedLauncherFigures()
    {
        // The replay is a check, not an echo: count with a rule that drops test launchers and the published
        // 800-limit figures no longer match wherever a party had test launchers.
        var text = File.ReadAllText(TestData.DataPath("treaties", "new-start.yaml"))
            .Replace("{ kind: [icbm-launcher, slbm-launcher], status: [deployed, non-deployed, test] }", "{ kind: [icbm-launcher, slbm-launcher], status: [deployed, non-deployed] }", StringComparison.Ordinal);
        var treaty = Verity.Core.Loading.TreatyReader.Parse(text, "new-start-changed.yaml");

        var result = ReplayRunner.Run(treaty, record.Model, record.Figures, record.Breakdowns, Verity.Core.Treaties.Interpretation.Agreed);

        var missed = result.Points.SelectMany(p => p.Mismatches).Distinct().ToList();
        Assert.True(result.Matched < result.Compared);
        Assert.Equal(["launchers"], missed);
        Assert.False(result.AllMatch);
    }
}
