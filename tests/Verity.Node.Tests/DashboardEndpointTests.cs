using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Verity.Reports.Dashboard;

namespace Verity.Node.Tests;

/// <summary>The dashboard's routes on a node fed through its API (<see cref="SpanningNode"/>): every figure derived from its log.</summary>
public sealed partial class DashboardEndpointTests(SpanningNode fed) : IClassFixture<SpanningNode>
{
    [Fact]
    public async Task Overview_ListsEveryHeldPartyWithALinkToItsPage()
    {
        using var client = fed.Node.CreateClient();

        var response = await client.GetAsync(new Uri("/?at=2020-09-01", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>New START: dashboard</title>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/dashboard/US?at=2020-09-01\">", html, StringComparison.Ordinal);
        // This node holds no log of Russia's: it has no row.
        Assert.DoesNotContain("<a href=\"/dashboard/RU?at=2020-09-01\">", html, StringComparison.Ordinal);
        Assert.Contains($"US ({fed.Statements:N0})", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Party_AcrossTheLimitsTakingEffect_ChartsCountedAndDeclaredValuesAgainst1550()
    {
        using var client = fed.Node.CreateClient();

        var html = await client.GetStringAsync(new Uri("/dashboard/US?at=2020-09-01", UriKind.Relative));

        Assert.Contains("data-limit=\"warheads\" data-ceiling=\"1550\"", html, StringComparison.Ordinal);
        Assert.Matches("<text class=\"ceiling-label\" data-limit=\"warheads\" data-ceiling=\"1550\"[^>]*>1,550</text>", html);
        // One point at each database declared and one on the page's date; declared aggregates beside counted values.
        var rows = ValueRows(html, "warheads");
        Assert.Equal(["2017-09-01", "2018-03-01", "2020-09-01"], rows.Select(r => r.Date));
        var declared = fed.Replay.Spanning(ReplayedRecord.BeforeLimits, ReplayedRecord.AfterLimits).Databases[1].Aggregate("warheads");
        Assert.Equal($"{declared:N0}", rows[1].Declared);
        Assert.Equal(rows[1].Declared, rows[1].Value);
        Assert.Contains("<table class=\"items\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"item\" href=\"/dashboard/US/items/", html, StringComparison.Ordinal);
        Assert.Contains("2018-03-01", Regex.Match(html, "<table class=\"databases\">.*?</table>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        Assert.Contains("<tr data-log=\"US\"><th scope=\"row\">US</th><td>own log</td>", html, StringComparison.Ordinal);
        Assert.Contains("verity.local/us", html, StringComparison.Ordinal); // the node's own checkpoint
        Assert.Contains("No peers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Party_BeforeItsFirstDatabase_SaysSoInsteadOfZeros()
    {
        using var client = fed.Node.CreateClient();

        var html = await client.GetStringAsync(new Uri("/dashboard/US?at=2015-01-01", UriKind.Relative));
        var overview = await client.GetStringAsync(new Uri("/?at=2015-01-01", UriKind.Relative));

        Assert.Contains("declared no database on or before 2015-01-01 (its first is as of 2017-09-01)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"items\"", html, StringComparison.Ordinal);
        Assert.Contains("no declaration", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("0 of 1,550", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Party_Feed_ShowsTheOverdueCalendarObligationsTheLogLacks()
    {
        using var client = fed.Node.CreateClient();

        var html = await client.GetStringAsync(new Uri("/dashboard/US?at=2018-03-01", UriKind.Relative));

        // The log starts in 2017: what the calendar owed before is overdue, what it holds was sent on time.
        Assert.Contains("<tr data-state=\"overdue\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-state=\"on-time\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item_FromTheItemsList_ShowsTheDatabasesThatListIt()
    {
        using var client = fed.Node.CreateClient();
        var html = await client.GetStringAsync(new Uri("/dashboard/US?at=2018-03-01", UriKind.Relative));
        var uid = Regex.Match(html, "<a class=\"item\" href=\"/dashboard/US/items/([^\"]+)\"").Groups[1].Value;

        var item = await client.GetStringAsync(new Uri("/dashboard/US/items/" + uid, UriKind.Relative));

        Assert.Contains("<tr data-kind=\"declaration\"><td>2017-09-01</td>", item, StringComparison.Ordinal);
        Assert.Contains("<tr data-kind=\"declaration\"><td>2018-03-01</td>", item, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/XX", HttpStatusCode.NotFound)] // not a party
    [InlineData("/dashboard/us", HttpStatusCode.NotFound)] // not a party code
    [InlineData("/dashboard/RU", HttpStatusCode.NotFound)] // a party whose log this node does not hold
    [InlineData("/dashboard/US/items/no-such-item", HttpStatusCode.NotFound)]
    [InlineData("/dashboard/US?at=2020-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/?at=yesterday", HttpStatusCode.BadRequest)]
    public async Task Pages_BadPartyItemOrDate_AreNotFoundOrBadRequest(string path, HttpStatusCode expected)
    {
        using var client = fed.Node.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/dashboard/US?at=9999-12-31")]
    [InlineData("/dashboard/US?at=9000-01-01")]
    [InlineData("/?at=9999-12-31")]
    public async Task Pages_DateBeyondTheSupportedDates_BadRequestNamingAt(string path)
    {
        using var client = fed.Node.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at: 9", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("is outside the supported dates, 1900-01-01 to 2200-12-31", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Party_LastSupportedDate_Rendered()
    {
        using var client = fed.Node.CreateClient();

        var response = await client.GetAsync(new Uri("/dashboard/US?at=2200-12-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Overview_NoDateAfterTheTreatyEnded_OpensAtItsLastDayInForceSayingWhyWithALinkToToday()
    {
        using var node = At(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        using var client = node.CreateClient();
        var (databases, notifications) = fed.Replay.Spanning(ReplayedRecord.BeforeLimits, ReplayedRecord.AfterLimits);
        var latest = databases.Select(d => d.AsOf).Concat(notifications.Select(n => n.Sent.Date)).Max();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        // New START expired on 2026-02-05: the overview shows 2026-02-04, not today.
        Assert.Contains("As of 2026-02-04: the treaty is in force.", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"date\" name=\"at\" value=\"2026-02-04\" min=\"2010-04-08\" max=\"2026-12-03\" required>", html, StringComparison.Ordinal);
        Assert.Contains($"The treaty has not been in force since 2026-02-05 (expired): with no date asked for, this page shows 2026-02-04, its last day in force and the last date its record covers. The latest statement in the logs this node holds is dated {latest:yyyy-MM-dd}.", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"today\" href=\"/?at=2026-12-03\">Show today, 2026-12-03</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/dashboard/US?at=2026-02-04\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_NoDateWhileTheTreatyIsInForce_OpensToday()
    {
        using var node = At(new DateTimeOffset(2020, 9, 1, 23, 59, 0, TimeSpan.Zero));
        using var client = node.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var asked = await client.GetStringAsync(new Uri("/?at=2019-01-01", UriKind.Relative));

        Assert.Contains("<p class=\"dated\" data-reason=\"today\">No date was asked for: this page shows today, 2020-09-01 (UTC).</p>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2020-09-01\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"dated\"", asked, StringComparison.Ordinal);
        Assert.Contains("<a class=\"today\" href=\"/?at=2020-09-01\">Today (2020-09-01)</a>", asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_NamesTheNodeItsOriginAndKey()
    {
        using var client = fed.Node.CreateClient();

        var html = await client.GetStringAsync(new Uri("/?at=2020-09-01", UriKind.Relative));

        var key = fed.Node.Verifier.ToString();
        Assert.Contains($"<p class=\"node\" data-node=\"US\">This node: United States of America (US) at http://localhost; its checkpoints carry the origin verity.local/us and open with the key <code class=\"hash\" title=\"{key}\">{key[..DashboardRenderer.HashShown]}…</code>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-scope=\"US\" data-own=\"yes\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Party_Items_OneHundredAPageWithLinksKeepingTheDate()
    {
        using var client = fed.Node.CreateClient();

        var first = await client.GetStringAsync(new Uri("/dashboard/US?at=2018-03-01", UriKind.Relative));
        var total = int.Parse(Regex.Match(first, "<caption>Items 1–100 of ([0-9,]+) on 2018-03-01").Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        var pages = (total + 99) / 100;
        var last = await client.GetStringAsync(new Uri($"/dashboard/US?at=2018-03-01&page={pages}", UriKind.Relative));

        Assert.True(total > 200, $"{total} items: enough for three pages");
        Assert.Equal(100, ItemUids(first).Count);
        Assert.Contains("<a rel=\"next\" href=\"/dashboard/US?at=2018-03-01&amp;page=2#items\">", first, StringComparison.Ordinal);
        Assert.Equal(total - ((pages - 1) * 100), ItemUids(last).Count);
        Assert.Contains($"<a rel=\"prev\" href=\"/dashboard/US?at=2018-03-01&amp;page={pages - 1}#items\">", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.Empty(ItemUids(first).Intersect(ItemUids(last)));
    }

    [Fact]
    public async Task Party_ItemsFilteredByKindStatusAndBase_ListsOnlyThoseWithTheFilterInTheLinks()
    {
        using var client = fed.Node.CreateClient();
        var all = await client.GetStringAsync(new Uri("/dashboard/US?at=2018-03-01", UriKind.Relative));
        var deployed = await client.GetStringAsync(new Uri("/dashboard/US?at=2018-03-01&kind=icbm&status=deployed", UriKind.Relative));
        var location = Regex.Match(deployed, "<td>icbm</td><td>[^<]*</td><td>deployed</td><td>([^<]+)</td>").Groups[1].Value;

        var html = await client.GetStringAsync(new Uri($"/dashboard/US?at=2018-03-01&kind=icbm&status=deployed&base={Uri.EscapeDataString(location)}", UriKind.Relative));
        var empty = await client.GetStringAsync(new Uri("/dashboard/US?at=2018-03-01&kind=&status=&base=&page=", UriKind.Relative));

        var rows = Regex.Matches(html, "<tr><td><a class=\"item\"[^>]*>[^<]*</a></td><td>([^<]*)</td><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td></tr>");
        Assert.NotEmpty(location);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("icbm", "deployed", location), (r.Groups[1].Value, r.Groups[2].Value, r.Groups[3].Value)));
        Assert.Contains("that match the filter", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"icbm\" selected>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"kind\" value=\"icbm\"><input type=\"hidden\" name=\"status\" value=\"deployed\">", html, StringComparison.Ordinal);
        // Empty values, as a form with "any" sends them, are no filter.
        Assert.Equal(ItemUids(all), ItemUids(empty));
    }

    [Theory]
    [InlineData("kind=tank", "kind: 'tank' is not an item kind of New START: expected one of icbm, slbm")]
    [InlineData("status=Deployed", "status: 'Deployed' is not a status of New START: expected one of deployed, non-deployed")]
    [InlineData("page=0", "page: '0' is not a page number: expected a whole number from 1")]
    [InlineData("page=two", "page: 'two' is not a page number")]
    [InlineData("page=-1", "page: '-1' is not a page number")]
    [InlineData("page=1.5", "page: '1.5' is not a page number")]
    [InlineData("page=99999999999", "page: '99999999999' is not a page number")]
    [InlineData("page=99", "page: 99 is beyond the last page, ")]
    [InlineData("kind=icbm&page=50", "page: 50 is beyond the last page, ")]
    public async Task Party_BadFilterOrPage_BadRequestPageNamingTheParameter(string query, string message)
    {
        using var client = fed.Node.CreateClient();

        var response = await client.GetAsync(new Uri("/dashboard/US?at=2018-03-01&" + query, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>Bad request</title>", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/US?at=2018-03-01&page=x", "page")]
    [InlineData("/dashboard/US?kind=tank", "kind")]
    [InlineData("/?at=yesterday", "at")]
    public async Task Pages_BadRequestAskingForJson_ProblemDetailsNamingTheParameter(string path, string field)
    {
        using var client = fed.Node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(field + ": ", problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?at=yesterday", "Bad request")]
    [InlineData("/dashboard/US?at=2020-13-01", "Bad request")]
    [InlineData("/dashboard/XX", "Not found")]
    [InlineData("/dashboard/US/items/no-such-item", "Not found")]
    public async Task Pages_Error_TitleAndHeadingMatchTheStatus(string path, string title)
    {
        using var client = fed.Node.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains($"<title>{title}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item_OnADate_ShowsTheStatementsUpToItAndLinksBackAtTheDate()
    {
        using var client = fed.Node.CreateClient();
        var html = await client.GetStringAsync(new Uri("/dashboard/US?at=2018-03-01", UriKind.Relative));
        var uid = Regex.Match(html, "<a class=\"item\" href=\"/dashboard/US/items/([^\"?]+)\\?at=2018-03-01\"").Groups[1].Value;

        var before = await client.GetStringAsync(new Uri($"/dashboard/US/items/{uid}?at=2017-12-01", UriKind.Relative));

        Assert.Contains("<tr data-kind=\"declaration\"><td>2017-09-01</td>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-kind=\"declaration\"><td>2018-03-01</td>", before, StringComparison.Ordinal);
        Assert.Contains("later statements about the item, after 2017-12-01, are not shown", before, StringComparison.Ordinal);
        Assert.Contains("<a class=\"back\" href=\"/dashboard/US?at=2017-12-01#items\">", before, StringComparison.Ordinal);
        Assert.Contains($"<form class=\"date\" method=\"get\" action=\"/dashboard/US/items/{uid}\"", before, StringComparison.Ordinal);
    }

    /// <summary>The fed node with its clock at <paramref name="now"/>: "today" for pages that name no date.</summary>
    private WebApplicationFactory<Program> At(DateTimeOffset now) =>
        fed.Node.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(now))));

    private static List<string> ItemUids(string html) =>
        [.. Regex.Matches(html, "<a class=\"item\" href=\"/dashboard/US/items/([^\"?]+)").Select(m => m.Groups[1].Value)];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>The rows of a limit's table of values: date, counted value, declared aggregate.</summary>
    internal static List<(string Date, string Value, string Declared)> ValueRows(string html, string limit)
    {
        var figure = Regex.Match(html, $"<figure data-limit=\"{limit}\".*?</figure>", RegexOptions.Singleline).Value;
        return [.. ValueRow().Matches(figure).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];
    }

    [GeneratedRegex("<tr><td>([0-9-]+)</td><td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td>")]
    private static partial Regex ValueRow();
}
