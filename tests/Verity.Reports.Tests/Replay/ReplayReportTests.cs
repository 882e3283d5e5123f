using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Verity.Core.Analysis.Replay;
using Verity.Core.Loading;
using Verity.Core.Text;
using Verity.Core.Treaties;
using Verity.Reports.Dashboard;
using Verity.Reports.Replay;

namespace Verity.Reports.Tests.Replay;

public sealed class ReplayReportTests
{
    /// <summary>New START's public record replayed with Russia's 2022 reading, once for every test.</summary>
    internal static readonly Lazy<ReplayResult> NewStart = new(Replay);

    [Fact]
    public void Render_NewStart_OneChartPerLimitWithItsCeilingAndEveryDataPoint()
    {
        var result = NewStart.Value;

        var html = ReplayReport.Render(result);

        Assert.Equal(result.Measures.Length, Regex.Count(html, "<svg "));
        foreach (var measure in result.Measures)
        {
            var limit = result.Treaty.FindLimit(measure)!;
            Assert.Contains($"<line class=\"ceiling\" data-limit=\"{limit.Id}\" data-ceiling=\"{limit.Ceiling}\"", html, StringComparison.Ordinal);
        }

        // One row per data point in the table, after its header row.
        var table = html[html.IndexOf("<h2>Every data point</h2>", StringComparison.Ordinal)..];
        Assert.Equal(result.Points.Length + 1, Regex.Count(table[..table.IndexOf("</table>", StringComparison.Ordinal)], "<tr>"));
        Assert.Contains($"<strong>{result.Matched} of {result.Compared}</strong> published figures", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NewStart_LabelsEachLifecycleActOnTheCharts()
    {
        var result = NewStart.Value;

        var html = ReplayReport.Render(result);

        var suspension = result.Treaty.Lifecycle.First(a => a.Kind == LifecycleActKind.Suspension);
        Assert.Contains(">RU suspends</text>", html, StringComparison.Ordinal);
        Assert.Contains(HtmlPage.Encode(string.Create(CultureInfo.InvariantCulture, $"{suspension.Date:yyyy-MM-dd}: {LifecycleText.Describe(suspension)}")), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SaysTheHistoryIsSyntheticAndWhatTheReadingIs()
    {
        var result = NewStart.Value;

        var html = ReplayReport.Render(result);

        Assert.Contains(HtmlPage.Encode(ReplayText.Synthetic), html, StringComparison.Ordinal);
        Assert.Contains("not an independent confirmation", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"reading\"><strong>ru-2022</strong>: {HtmlPage.Encode(result.Interpretation.Name)}.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("EntryIntoForce", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text\">Entry into force</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithTheDemosParts_HasNotificationsAndTheNetwork()
    {
        var records = ImmutableArray.Create(new RecordSummary("US", 2127, 2126, 30, 0), new RecordSummary("RU", 2654, 2654, 24, 3));
        var network = new NetworkSummary([("US", 2157, "989708adae59006e…", ["US", "RU"])], 162, 0);

        var replay = ReplayReport.Render(NewStart.Value);
        var demo = ReplayReport.Render(NewStart.Value, records, network);

        Assert.DoesNotContain("id=\"notifications\"", replay, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"network\"", replay, StringComparison.Ordinal);
        Assert.Contains("<tr><td>US</td><td>2,127</td><td>2,126</td><td>30</td><td>none</td></tr>", demo, StringComparison.Ordinal);
        Assert.Contains("<tr><td>RU</td><td>2,654</td><td>2,654</td><td>24</td><td>3</td></tr>", demo, StringComparison.Ordinal);
        Assert.Contains("<td><code>989708adae59006e…</code></td><td class=\"text\">US (own), RU (mirror)</td>", demo, StringComparison.Ordinal);
        Assert.Contains("162 figures compared, all identical on every node", demo, StringComparison.Ordinal);

        // Who holds each log, in the page's language; a log the nodes hold differently says so.
        var dari = ReplayReport.Render(NewStart.Value, records, network, Verity.Reports.Languages.Languages.Find("fa-AF"));
        Assert.Contains("<td class=\"text\">US (خودی)، RU (نسخهٔ آینه)</td>", dari, StringComparison.Ordinal);
        var split = ReplayReport.Render(NewStart.Value, records, network with { Logs = [("US", 2157, "989708adae59006e…", [])] });
        Assert.Contains("<td class=\"text\">they differ</td>", split, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportAndDashboard_ShareOneShellAndStylesheet()
    {
        var text = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>();
        var dashboard = new DashboardRenderer(text).Error(404, Wordings.NoItem.With("US", "x"));

        var report = ReplayReport.Render(NewStart.Value);

        foreach (var page in new[] { dashboard, report })
        {
            Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", page, StringComparison.Ordinal);
            Assert.Contains("<style>" + HtmlPage.Css + "</style>", page, StringComparison.Ordinal);
            Assert.EndsWith("</body>\n</html>", page, StringComparison.Ordinal);
        }

        Assert.Contains("<body class=\"report\">", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NewStart_QuotasPerTreatyYearBesidePublishedAndSyntheticUse()
    {
        var result = NewStart.Value;

        var html = ReplayReport.Render(result);

        var start = html.IndexOf("<table id=\"inspection-quotas\">", StringComparison.Ordinal);
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        Assert.Equal(15 + 1, Regex.Count(table, "<tr"));
        // Year 1: 18 published and synthetic for each; year 2: not published, 18 synthetic (the 252 is 2 × 7 × 18); year 8: neither.
        Assert.Matches("<tr data-year=\"1\"><td>1</td><td>2011-02-05</td><td>18</td>(<td class=\"published\"[^>]*>18</td><td class=\"synthetic\">18</td>){2}<td class=\"text\">exhausted</td>", table);
        Assert.Matches("<tr data-year=\"2\">.*?(<td class=\"none\">n.p.</td><td class=\"synthetic\">18</td>){2}<td class=\"text\">closed</td>", table);
        Assert.Matches("<tr data-year=\"8\">.*?(<td class=\"none\">n.p.</td><td class=\"synthetic\">0</td>){2}", table);
        Assert.Contains("US: exempted by RU since 2022-08-08; RU: paused since 2020-03-29", table, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"miss\"", table, StringComparison.Ordinal);
        Assert.Contains("252 inspections published for US, RU from 2011-02-05 to 2018-02-04", html, StringComparison.Ordinal);
        Assert.Contains($"{result.Inspections.Length} synthetic inspections in all; 6 of 6 published counts reproduced within their spans.", html, StringComparison.Ordinal);
    }

    private static ReplayResult Replay()
    {
        static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);
        var treaty = TreatyReader.Parse(File.ReadAllText(Data("treaties", "new-start.yaml")), "new-start.yaml");
        var model = HistoryReader.ReadForceModel(File.ReadAllText(Data("history", "new-start-forces.yaml")), "new-start-forces.yaml");
        using var aggregates = new StreamReader(Data("history", "new-start-aggregates.csv"));
        using var breakdowns = new StreamReader(Data("history", "new-start-breakdowns.csv"));
        using var inspections = new StreamReader(Data("history", "new-start-inspections.csv"));
        treaty.TryGetInterpretation("ru-2022", out var reading);
        return ReplayRunner.Run(treaty, model, HistoryReader.ReadAggregates(aggregates, "new-start-aggregates.csv"), HistoryReader.ReadBreakdowns(breakdowns, "new-start-breakdowns.csv"), reading,
            HistoryReader.ReadInspectionCounts(inspections, "new-start-inspections.csv", treaty));
    }
}
