using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NodaTime;
using Verity.Core;
using Verity.Core.Analysis.Projections;
using Verity.Core.Analysis.Proposals;
using Verity.Core.Forces;
using Verity.Core.Loading;
using Verity.Reports.Successor;

namespace Verity.Reports.Tests.Successor;

/// <summary>The successor report over the bundled estimates, drafts and projections.</summary>
public partial class SuccessorReportTests
{
    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    private static readonly Lazy<(EstimateSet Estimates, Precedence Precedence, ProposalsResult Result)> Bundled = new(() =>
    {
        using var reader = new StreamReader(Data("forces", "estimates.csv"));
        var estimates = EstimatesReader.Parse(reader, "data/forces/estimates.csv");
        var precedence = PrecedenceReader.Parse(File.ReadAllText(Data("forces", "precedence.yaml")), "precedence.yaml");
        var drafts = Directory.GetFiles(Data("treaties", "drafts"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => TreatyReader.Parse(File.ReadAllText(f), f)).ToList();
        var result = ProposalStudy.Compare(drafts, estimates, precedence, ProjectionModel.BuiltIn(ProjectionKind.Trend),
            new ProjectionOptions(Trials: 200, Seed: 3), new ComparisonSettings(2030, new LocalDate(2027, 2, 5), 2040));
        return (estimates, precedence, result);
    });

    /// <summary>The page over the bundled data, in <paramref name="language"/> (English by default).</summary>
    internal static string Render(Verity.Reports.Languages.Language? language = null)
    {
        var (estimates, precedence, result) = Bundled.Value;
        var at = new LocalDate(2026, 12, 1);
        var today = new[] { "US", "FR" }.Select(PartyCode.Parse)
            .Select(s => FigurePicker.Pick(estimates, precedence, s, ForceMeasure.Stockpile, at)).ToList();
        // Parity between the first two states projected on the same measure: the page's parity table.
        var pair = result.Projections.GroupBy(p => p.Measure).Select(g => g.Take(2).ToList()).FirstOrDefault(g => g.Count == 2);
        var parities = pair is null ? [] : ImmutableArray.Create(Parity.Find(pair[0], pair[1]));
        return SuccessorReport.Render(new SuccessorPage(estimates, result, at, [.. today], parities), language);
    }

    [Fact]
    public void Render_BundledDrafts_AFanChartPerProjectionWithItsBandAndEveryEstimateAsAPoint()
    {
        var html = Render();
        var result = Bundled.Value.Result;

        Assert.Equal(result.Projections.Length, FanTitle().Count(html));
        var us = result.Projections.Single(p => p.State.Value == "US" && p.Measure == ForceMeasure.Stockpile);
        var figure = html[html.IndexOf("fan-US-stockpile-title", StringComparison.Ordinal)..];
        figure = figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)];
        Assert.Contains("<polygon", figure, StringComparison.Ordinal);
        Assert.Equal(Bundled.Value.Estimates.For(us.State, us.Measure).Count(r => r.Central is not null && r.AsOf.Year >= 2010), Regex.Count(figure, "<circle"));
        Assert.Contains("projected, not measured", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Drafts_ATableRowPerLimitAndScopeAndAChartWithEachScopesCeiling()
    {
        var html = Render();
        var result = Bundled.Value.Result;

        foreach (var draft in result.Drafts)
        {
            Assert.Contains($"<code>{draft.DraftId}</code>", html, StringComparison.Ordinal);
        }

        Assert.Equal(result.Drafts.Sum(d => d.Limits.Length), Regex.Count(html, "<tr><td class=\"text\">"));
        Assert.Contains("group:west ≤ 4,500", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Today_FranceUndisclosedWithItsSourceNeverZero()
    {
        var html = Render();

        var today = html[html.IndexOf("<h2 id=\"today\">", StringComparison.Ordinal)..html.IndexOf("<h2 id=\"projections\">", StringComparison.Ordinal)];
        var france = today[today.IndexOf("<td>FR</td>", StringComparison.Ordinal)..];
        france = france[..france.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("undisclosed", france, StringComparison.Ordinal);
        Assert.DoesNotContain(">0<", france, StringComparison.Ordinal);
        Assert.Contains("href=\"https://", france, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InDariAndRussian_EachProjectionsModelAndAssumptionsInTheLanguage()
    {
        var result = Bundled.Value.Result;
        var us = result.Projections.Single(p => p.State.Value == "US" && p.Measure == ForceMeasure.Stockpile);

        var dari = Render(Verity.Reports.Languages.Languages.Find("fa-AF"));
        var figure = dari[dari.IndexOf("fan-US-stockpile-title", StringComparison.Ordinal)..];
        figure = figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)];
        var caption = System.Net.WebUtility.HtmlDecode(figure[figure.IndexOf("<figcaption>", StringComparison.Ordinal)..]);
        // The trend model over the last 10 years; 200 trials, seed 3, a missing bound ±10 %: in Persian digits.
        Assert.Contains("trend: کمترین مربعات روی تخمین‌های ۱۰ سال اخیر", caption, StringComparison.Ordinal);
        Assert.Contains("عدم قطعیت: ۲۰۰ آزمایش مونت‌کارلو، بذر ۳؛", caption, StringComparison.Ordinal);
        Assert.Contains("±۱۰٪", caption, StringComparison.Ordinal);
        Assert.DoesNotContain("lang=\"en\"", caption, StringComparison.Ordinal);
        Assert.Equal(us.Assumptions.Length, Regex.Count(caption[caption.IndexOf("<details>", StringComparison.Ordinal)..], "<li>"));

        // Where each ceiling comes from, in the table's and the chart's tooltips: ACA's freezes at the level of the
        // entry into force assumed, 2027-02-05 (16 Dalw 1405), each member's level with its row.
        var page = System.Net.WebUtility.HtmlDecode(dari);
        Assert.Contains("انجماد در سطح ۱۶ دلو ۱۴۰۵ (\u2066۲۰۲۷-۰۲-۰۵\u2069): CN ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("freeze at the level", page, StringComparison.Ordinal);
        Assert.DoesNotContain("the draft's", page, StringComparison.Ordinal);
        // Why a row was passed over for today's figure, in the figure's tooltip: the rule and the order, in Dari.
        Assert.Contains("rule sipri ranks below fas in the default order", System.Net.WebUtility.HtmlDecode(Render()), StringComparison.Ordinal);
        Assert.Contains("قاعدهٔ sipri در ترتیب default پایین‌تر از fas است", page, StringComparison.Ordinal);

        var russian = System.Net.WebUtility.HtmlDecode(Render(Verity.Reports.Languages.Languages.Find("ru")));
        Assert.Contains("Неопределённость: испытаний методом Монте-Карло — 200, зерно генератора 3;", russian, StringComparison.Ordinal);
        Assert.Contains("Прогноз, а не измерение: US, запас, по модели «trend»", russian, StringComparison.Ordinal);
        // Each draft's name and its limits' from the draft file's names, not marked English.
        foreach (var draft in result.Drafts)
        {
            Assert.Contains($"<span>{draft.Names["ru"].Name}</span> <code>{draft.DraftId}</code>", russian, StringComparison.Ordinal);
            Assert.DoesNotContain(draft.Name, russian, StringComparison.Ordinal);
        }

        Assert.Contains("ذخایر نظامی، هر طرف (کاهش مرحله‌ای نمایشی)", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"fan-[A-Z]{2}-[^\"]*-title\"")]
    private static partial Regex FanTitle();
}
