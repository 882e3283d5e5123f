using Microsoft.Playwright;

namespace Verity.Node.Browser.Tests;

/// <summary>The dashboard in Debian's headless Chromium, over real HTTP on a node fed through its API: the page loads,
/// the chart shows the 1,550 line, clicking an item opens its history.</summary>
public sealed class DashboardBrowserTests(NodeServer node) : IClassFixture<NodeServer>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_InChromium_ShowsPartiesTheCeilingAndAnItemsHistory()
    {
        Assert.True(File.Exists(Chromium),
            $"{Chromium} is missing: the browser tests drive Debian's chromium; install it with `apt-get install chromium` (as root), as .ci/run does");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        // Generous: the suite runs test assemblies side by side on two cores.
        page.SetDefaultTimeout(90_000);

        // The overview: the treaty in the title, every party whose log is held listed with a link to its page.
        var response = await page.GotoAsync(new Uri(node.Address, "/?at=2020-09-01").ToString());
        Assert.Equal(200, response!.Status);
        Assert.Contains("New START", await page.TitleAsync(), StringComparison.Ordinal);
        // The node holds the U.S. log only: that is the one party listed.
        Assert.Equal(1, await page.Locator("table.overview tr[data-scope='US'] th a[href='/dashboard/US?at=2020-09-01']").CountAsync());
        Assert.Equal(1, await page.Locator("table.overview tbody tr").CountAsync());

        // The US page, reached by its link: the warheads chart (deployed warheads, Art. II.1(b)) with the ceiling at 1550, labelled 1,550.
        await page.Locator("table.overview tr[data-scope='US'] th a").ClickAsync();
        await page.WaitForURLAsync("**/dashboard/US?at=2020-09-01");
        var ceiling = page.Locator("figure[data-scope='US'] svg line.ceiling[data-limit='warheads']");
        Assert.Equal("1550", await ceiling.GetAttributeAsync("data-ceiling"));
        Assert.Contains("1,550", await ceiling.Locator("title").TextContentAsync(), StringComparison.Ordinal);
        var label = page.Locator("figure[data-scope='US'] svg text.ceiling-label[data-limit='warheads']");
        Assert.True(await label.IsVisibleAsync());
        Assert.Equal("1,550", await label.TextContentAsync());
        Assert.True(await page.Locator("figure[data-scope='US'][data-limit='warheads'] polyline.value").CountAsync() == 1);
        Assert.Contains("yes", await page.Locator("table.logs tr[data-log='US'] td .yes").TextContentAsync(), StringComparison.Ordinal);

        var screenshot = Path.Combine(Path.GetTempPath(), $"verity-dashboard-{Guid.NewGuid():N}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
            var bytes = await File.ReadAllBytesAsync(screenshot);
            Assert.True(bytes.Length > 1000, $"screenshot of {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
        finally
        {
            File.Delete(screenshot);
        }

        // Clicking a deployed item in the items list opens its history: the databases that list it, the first as of 2017-09-01.
        var item = page.Locator("table.items tbody tr:has(td:text-is('deployed')) a.item").First;
        var uid = (await item.TextContentAsync())!;
        await Task.WhenAll(page.WaitForURLAsync("**/dashboard/US/items/**"), item.ClickAsync());
        Assert.Contains(uid, await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        var events = page.Locator("table.history tbody tr");
        Assert.True(await events.CountAsync() >= 2);
        Assert.Equal("declaration", await events.First.GetAttributeAsync("data-kind"));
        Assert.Contains("2017-09-01", await events.First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("deployed", await events.Nth(1).TextContentAsync(), StringComparison.Ordinal);
    }
}
