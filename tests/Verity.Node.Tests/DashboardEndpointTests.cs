using System.Net;

namespace Verity.Node.Tests;

/// <summary>The dashboard's routes on the node, over New START's replayed record (data/history/ beside the treaty).</summary>
public sealed class DashboardEndpointTests(NodeFactory factory) : IClassFixture<NodeFactory>
{
    [Fact]
    public async Task Overview_ListsEveryPartyWithALinkToItsPage()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/?at=2020-09-01", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>New START: dashboard</title>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/dashboard/US?at=2020-09-01\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/dashboard/RU?at=2020-09-01\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Party_OnADateInForce_ChartsTheWarheadsAgainst1550AndListsItemsAndTheLog()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/dashboard/US?at=2020-09-01", UriKind.Relative));

        Assert.Contains("data-limit=\"warheads\" data-ceiling=\"1550\"", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"items\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"item\" href=\"/dashboard/US/items/", html, StringComparison.Ordinal);
        Assert.Contains("No findings", html, StringComparison.Ordinal);
        Assert.Contains("verity.local/us", html, StringComparison.Ordinal); // the node's own checkpoint
    }

    [Theory]
    [InlineData("/dashboard/XX", HttpStatusCode.NotFound)] // not a party
    [InlineData("/dashboard/us", HttpStatusCode.NotFound)] // not a party code
    [InlineData("/dashboard/US/items/no-such-item", HttpStatusCode.NotFound)]
    [InlineData("/dashboard/US?at=2020-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/?at=yesterday", HttpStatusCode.BadRequest)]
    public async Task Pages_BadPartyItemOrDate_AreNotFoundOrBadRequest(string path, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Item_OfAnotherParty_IsNotFoundUnderThisOne()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/dashboard/RU?at=2020-09-01", UriKind.Relative));
        var href = System.Text.RegularExpressions.Regex.Match(html, "<a class=\"item\" href=\"/dashboard/RU/items/([^\"]+)\"").Groups[1].Value;

        var own = await client.GetAsync(new Uri("/dashboard/RU/items/" + href, UriKind.Relative));
        var other = await client.GetAsync(new Uri("/dashboard/US/items/" + href, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("data-kind=\"produced\"", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
