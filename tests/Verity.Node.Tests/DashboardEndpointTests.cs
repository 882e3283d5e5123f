using System.Net;
using System.Text.RegularExpressions;

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
        Assert.Contains("<table class=\"items\">", html, StringComparison.Ordinal);
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
        Assert.DoesNotContain("<table class=\"items\">", html, StringComparison.Ordinal);
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

    /// <summary>The rows of a limit's table of values: date, counted value, declared aggregate.</summary>
    internal static List<(string Date, string Value, string Declared)> ValueRows(string html, string limit)
    {
        var figure = Regex.Match(html, $"<figure data-limit=\"{limit}\".*?</figure>", RegexOptions.Singleline).Value;
        return [.. ValueRow().Matches(figure).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];
    }

    [GeneratedRegex("<tr><td>([0-9-]+)</td><td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td>")]
    private static partial Regex ValueRow();
}
