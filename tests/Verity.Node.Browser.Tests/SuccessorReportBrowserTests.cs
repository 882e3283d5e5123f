using Microsoft.Playwright;
using NodaTime;
using Verity.Core;
using Verity.Core.Analysis.Projections;
using Verity.Core.Analysis.Proposals;
using Verity.Core.Forces;
using Verity.Core.Loading;
using Verity.Reports.Successor;

namespace Verity.Node.Browser.Tests;

/// <summary>The report "After New START" in Debian's headless Chromium: its fan charts and draft charts are drawn.</summary>
public sealed class SuccessorReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    [Fact]
    public async Task SuccessorReport_InChromium_DrawsFanChartsBandsAndCeilings()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install it with `apt-get install chromium` (as root), as .ci/run does");
        EstimateSet estimates;
        using (var reader = new StreamReader(Data("forces", "estimates.csv")))
        {
            estimates = EstimatesReader.Parse(reader, "data/forces/estimates.csv");
        }

        var precedence = PrecedenceReader.Parse(await File.ReadAllTextAsync(Data("forces", "precedence.yaml")), "precedence.yaml");
        var drafts = Directory.GetFiles(Data("treaties", "drafts"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => TreatyReader.Parse(File.ReadAllText(f), f)).ToList();
        var result = ProposalStudy.Compare(drafts, estimates, precedence, ProjectionModel.BuiltIn(ProjectionKind.Trend),
            new ProjectionOptions(Trials: 200, Seed: 1), new ComparisonSettings(2030, new LocalDate(2027, 2, 5), 2040));
        var folder = Directory.CreateTempSubdirectory("verity-successor-");
        var path = Path.Combine(folder.FullName, "after-new-start.html");
        await File.WriteAllTextAsync(path, SuccessorReport.Render(new SuccessorPage(estimates, result)));
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync();
            page.SetDefaultTimeout(90_000);

            await page.GotoAsync(new Uri(path).AbsoluteUri);

            Assert.Contains("After New START", await page.TitleAsync(), StringComparison.Ordinal);
            var fan = page.Locator("figure:has(svg[aria-labelledby^='fan-CN-stockpile']) svg");
            Assert.True(await fan.IsVisibleAsync());
            var band = await fan.Locator("polygon").First.BoundingBoxAsync();
            Assert.True(band is { Width: > 50, Height: > 1 }, $"the band is drawn: {band?.Width} x {band?.Height}");
            Assert.True(await fan.Locator("circle").CountAsync() > 5, "China's estimates are points on its chart");
            var west = page.Locator("svg[aria-labelledby^='chart-russia-single-fist-stockpile-west'] .ceiling-label");
            Assert.Contains("4,500", await west.First.TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(result.Drafts.Length, await page.Locator("h3[id^='draft-']").CountAsync());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
