using Microsoft.Playwright;

namespace Verity.Node.Browser.Tests;

/// <summary>The dashboard in Debian's headless Chromium, over real HTTP on a node fed through its API: the page loads,
/// the chart shows the 1,550 line, clicking an item opens its history; the date picker, the items filter and its pages,
/// the copy buttons, and error pages titled by their status.</summary>
/// <remarks>Set <c>VERITY_SCREENSHOTS</c> to a folder to keep the screenshots the tests take (else they are checked and
/// deleted).</remarks>
public sealed class DashboardBrowserTests(NodeServer node) : IClassFixture<NodeServer>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_InChromium_ShowsPartiesTheCeilingAndAnItemsHistory()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);

        // The overview: the treaty in the title, every party whose log is held listed with a link to its page.
        var response = await page.GotoAsync(Url("/?at=2020-09-01"));
        Assert.Equal(200, response!.Status);
        Assert.Contains("New START", await page.TitleAsync(), StringComparison.Ordinal);
        // The node holds the U.S. log only: that is the one party listed.
        Assert.Equal(1, await page.Locator("table.overview tr[data-scope='US'] th a[href='/dashboard/US?at=2020-09-01']").CountAsync());
        Assert.Equal(1, await page.Locator("table.overview tbody tr").CountAsync());
        // It names the node: the U.S. node, its own party marked.
        Assert.Contains("This node: United States of America (US)", await page.Locator("header p.node").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("yes", await page.Locator("table.overview tr[data-scope='US']").GetAttributeAsync("data-own"));

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
        await ScreenshotAsync(page, "party", fullPage: false);

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

    [Fact]
    public async Task DatePicker_InChromium_OpensAtTheLastDayInForceChangesTheDateKeepingTheFilterAndGoesToToday()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);

        // No date asked for, New START ended on 2026-02-05: the overview opens at 2026-02-04 and says why.
        await page.GotoAsync(Url("/"));
        var picker = page.Locator("header form.date input[type='date'][name='at']");
        Assert.Equal("2026-02-04", await picker.InputValueAsync());
        Assert.Equal("2026-12-03", await picker.GetAttributeAsync("max"));
        var note = page.Locator("p.dated[data-reason='last-day-in-force']");
        Assert.True(await note.IsVisibleAsync());
        Assert.Contains("its last day in force", await note.TextContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "overview-ended", fullPage: false);

        // Its link to today.
        await Task.WhenAll(page.WaitForURLAsync("**/?at=2026-12-03"), note.Locator("a.today").ClickAsync());
        Assert.Equal("2026-12-03", await picker.InputValueAsync());
        Assert.Contains("As of 2026-12-03: the treaty is expired.", await page.Locator("p.lede").TextContentAsync(), StringComparison.Ordinal);

        // On a party's page with a filter, a date typed into the picker keeps the page and the filter.
        await page.GotoAsync(Url("/dashboard/US?at=2018-03-01&kind=icbm"));
        await picker.FillAsync("2017-12-01");
        await Task.WhenAll(page.WaitForURLAsync("**/dashboard/US?at=2017-12-01&kind=icbm"), page.Locator("header form.date button[type='submit']").ClickAsync());
        Assert.Contains("As of 2017-12-01", await page.Locator("p.lede").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("icbm", await page.Locator("form.filter select[name='kind']").InputValueAsync());
        AllAre("icbm", await Kinds(page));

        // The picker's link to today keeps the filter too.
        await Task.WhenAll(page.WaitForURLAsync("**/dashboard/US?at=2026-12-03&kind=icbm"), page.Locator("header form.date a.today").ClickAsync());
        Assert.Equal("2026-12-03", await picker.InputValueAsync());
    }

    [Fact]
    public async Task ItemFilter_InChromium_SelectsKindStatusAndBaseAndPagesThroughKeepingThem()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);
        await page.GotoAsync(Url("/dashboard/US?at=2018-03-01"));
        var rows = page.Locator("table.items tbody tr");
        Assert.Equal(100, await rows.CountAsync());
        var total = await page.Locator("table.items").GetAttributeAsync("data-matching");

        // Kind and status chosen in the form: only deployed ICBMs, a hundred a page, the date kept.
        await page.Locator("form.filter select[name='kind']").SelectOptionAsync("icbm");
        await page.Locator("form.filter select[name='status']").SelectOptionAsync("deployed");
        await Task.WhenAll(page.WaitForURLAsync("**/dashboard/US?at=2018-03-01&kind=icbm&status=deployed&base=#items"), page.Locator("form.filter button[type='submit']").ClickAsync());
        var matching = int.Parse((await page.Locator("table.items").GetAttributeAsync("data-matching"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(matching > 100, $"{matching} deployed ICBMs: more than a page");
        Assert.NotEqual(total, matching.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(100, await rows.CountAsync());
        AllAre("icbm", await Kinds(page));
        AllAre("deployed", await Column(page, 4));
        Assert.StartsWith("Items 1–100 of the ", await page.Locator("table.items caption").TextContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "items-filtered", fullPage: false);

        // Next: the second page, the filter kept; previous: back to the first.
        var first = await Column(page, 1);
        await Task.WhenAll(page.WaitForURLAsync("**page=2#items"), page.Locator("nav.pager a[rel='next']").ClickAsync());
        Assert.Contains("kind=icbm&status=deployed", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("Items 101–", await page.Locator("table.items caption").TextContentAsync(), StringComparison.Ordinal);
        AllAre("icbm", await Kinds(page));
        Assert.Empty((await Column(page, 1)).Intersect(first));
        await Task.WhenAll(page.WaitForURLAsync("**page=1#items"), page.Locator("nav.pager a[rel='prev']").ClickAsync());
        Assert.Equal(first, await Column(page, 1));

        // A base: only the items there.
        var location = (await Column(page, 5))[0];
        await page.Locator("form.filter select[name='base']").SelectOptionAsync(location);
        await page.Locator("form.filter button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("base=", StringComparison.Ordinal) && !url.EndsWith("base=#items", StringComparison.Ordinal));
        AllAre(location, await Column(page, 5));

        // Every item again.
        await Task.WhenAll(page.WaitForURLAsync("**/dashboard/US?at=2018-03-01#items"), page.Locator("form.filter a.clear").ClickAsync());
        Assert.Equal(total, await page.Locator("table.items").GetAttributeAsync("data-matching"));
    }

    [Fact]
    public async Task Hashes_InChromium_ShortWithTheFullValueInTheTitleAndCopied()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync(Url("/dashboard/US?at=2018-03-01"));

        var hash = page.Locator("table.databases code.hash").First;
        var full = (await hash.GetAttributeAsync("title"))!;
        Assert.Matches("^[0-9a-f]{64}$", full);
        Assert.Equal(full[..12] + "…", await hash.TextContentAsync());
        var copy = page.Locator("table.databases button.copy").First;
        Assert.True(await copy.IsVisibleAsync());
        await copy.ClickAsync();
        // The clipboard's promise settles after the click returns: wait for the button to say so (it says so for 1.5 s).
        await Assertions.Expect(copy).ToHaveTextAsync("copied", new() { Timeout = 1_000 });
        Assert.Equal(full, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task Dashboard_InChromiumWithoutScripts_HidesTheCopyButtonsAndStillPicksADateAndFilters()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync(Url("/dashboard/US?at=2018-03-01"));

        Assert.False(await page.Locator("table.databases button.copy").First.IsVisibleAsync());
        Assert.Matches("^[0-9a-f]{64}$", (await page.Locator("table.databases code.hash").First.GetAttributeAsync("title"))!);
        await page.Locator("form.filter select[name='kind']").SelectOptionAsync("slbm");
        await Task.WhenAll(page.WaitForURLAsync("**kind=slbm**"), page.Locator("form.filter button[type='submit']").ClickAsync());
        AllAre("slbm", await Kinds(page));
        await page.Locator("header form.date input[name='at']").FillAsync("2017-12-01");
        await Task.WhenAll(page.WaitForURLAsync("**/dashboard/US?at=2017-12-01&kind=slbm"), page.Locator("header form.date button[type='submit']").ClickAsync());
        AllAre("slbm", await Kinds(page));
    }

    [Theory]
    [InlineData("/dashboard/US?at=2018-03-01&page=two", 400, "Bad request", "page: 'two' is not a page number")]
    [InlineData("/dashboard/US?kind=tank", 400, "Bad request", "kind: 'tank' is not an item kind of New START")]
    [InlineData("/?at=2018-02-30", 400, "Bad request", "at: ")]
    [InlineData("/dashboard/XX", 404, "Not found", "XX is not a party")]
    public async Task ErrorPage_InChromium_TitleAndHeadingMatchTheStatus(string path, int status, string title, string message)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);

        var response = await page.GotoAsync(Url(path));

        Assert.Equal(status, response!.Status);
        Assert.Equal(title, await page.TitleAsync());
        Assert.Equal(title, await page.Locator("h1").TextContentAsync());
        Assert.Contains(message, await page.Locator("p.problem").TextContentAsync(), StringComparison.Ordinal);
        if (status == 400 && path.Contains("page=", StringComparison.Ordinal))
        {
            await ScreenshotAsync(page, "error-400", fullPage: false);
        }
    }

    private string Url(string path) => new Uri(node.Address, path).ToString();

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium),
            $"{Chromium} is missing: the browser tests drive Debian's chromium; install it with `apt-get install chromium` (as root), as .ci/run does");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync();
        // Generous: the suite runs test assemblies side by side on two cores.
        page.SetDefaultTimeout(90_000);
        return page;
    }

    /// <summary>Some values, each <paramref name="expected"/>.</summary>
    private static void AllAre(string expected, List<string> values)
    {
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal(expected, v));
    }

    /// <summary>The kinds of the items listed.</summary>
    private static Task<List<string>> Kinds(IPage page) => Column(page, 2);

    /// <summary>The text of a column (from 1) of the items table's rows.</summary>
    [Theory]
    [InlineData("ar", "الامتثال عبر الزمن", null)]
    [InlineData("fa-AF", "رعایت در طول زمان", "۱۱ سنبلهٔ ۱۳۹۹")]
    public async Task Dashboard_InArabicAndDari_RightToLeftMirrored_TheChartLeftToRight(string lang, string heading, string? solarHijri)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);

        Assert.Equal(200, (await page.GotoAsync(Url($"/dashboard/US?at=2020-09-01&lang={lang}")))!.Status);
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(heading, (await page.Locator("h2#compliance").TextContentAsync())!.Trim());

        // Mirrored: the heading starts at the right, a table's first column is its rightmost; the chart's time axis
        // still runs left to right, with the 1,550 line on it.
        var h1 = (await page.Locator("h1").BoundingBoxAsync())!;
        var main = (await page.Locator("main").BoundingBoxAsync())!;
        Assert.True(h1.X + h1.Width > main.X + main.Width - 40, $"the heading ends at {h1.X + h1.Width}, the page at {main.X + main.Width}");
        var cells = page.Locator("table.databases tbody tr").First.Locator("th, td");
        Assert.True((await cells.First.BoundingBoxAsync())!.X > (await cells.Nth(1).BoundingBoxAsync())!.X, "the first column is on the right");
        Assert.Equal("ltr", await page.Locator("figure[data-scope='US'] svg").First.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("1550", await page.Locator("figure[data-scope='US'] svg line.ceiling[data-limit='warheads']").GetAttributeAsync("data-ceiling"));
        if (solarHijri is not null)
        {
            Assert.Contains(solarHijri, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Overview_InEveryLanguage_SwitchesAndIsWrittenAsAScreenshot()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.GotoAsync(Url("/?at=2020-09-01"));
        foreach (var lang in new[] { "ru", "fr", "es", "zh-Hans", "ar", "fa-AF", "en" })
        {
            // The switcher keeps the page and its date.
            await Task.WhenAll(page.WaitForURLAsync($"**/?at=2020-09-01&lang={lang}"), page.Locator($"nav.languages a[lang='{lang}']").ClickAsync());
            Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal("true", await page.Locator($"nav.languages a[lang='{lang}']").GetAttributeAsync("aria-current"));

            // Each language's overview, written to the test's output folder for people to look at.
            var path = Path.Combine(folder, $"overview-{lang}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 1000);
        }
    }

    private static async Task<List<string>> Column(IPage page, int column) =>
        [.. (await page.Locator($"table.items tbody tr td:nth-child({column})").AllTextContentsAsync()).Select(t => t.Trim())];

    /// <summary>A PNG of the page (or of one element): kept in <c>VERITY_SCREENSHOTS</c> when set, else checked and deleted.</summary>
    private static async Task ScreenshotAsync(IPage page, string name, bool fullPage, string? selector = null)
    {
        var folder = Environment.GetEnvironmentVariable("VERITY_SCREENSHOTS");
        var keep = !string.IsNullOrEmpty(folder);
        var path = keep ? Path.Combine(folder!, $"dashboard-{name}.png") : Path.Combine(Path.GetTempPath(), $"verity-dashboard-{name}-{Guid.NewGuid():N}.png");
        if (keep)
        {
            Directory.CreateDirectory(folder!);
        }

        try
        {
            if (selector is null)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
            }
            else
            {
                await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
            }

            var bytes = await File.ReadAllBytesAsync(path);
            Assert.True(bytes.Length > 1000, $"screenshot of {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
        finally
        {
            if (!keep)
            {
                File.Delete(path);
            }
        }
    }
}
