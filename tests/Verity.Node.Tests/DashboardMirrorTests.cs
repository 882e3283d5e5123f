using System.Text.RegularExpressions;

namespace Verity.Node.Tests;

/// <summary>Two nodes: Russia's dashboard shows the United States' page derived from its verified mirror of the U.S. log.</summary>
public sealed class DashboardMirrorTests(ReplayedRecord replay) : IClassFixture<ReplayedRecord>
{
    [Fact]
    public async Task Party_OnAPeersNode_IsDerivedFromItsMirrorWithTheSameCountedValues()
    {
        await using var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");
        var (databases, notifications) = replay.Spanning(ReplayedRecord.BeforeLimits, ReplayedRecord.AfterLimits);
        using (var us = cluster.Client("US"))
        {
            await ReplayedRecord.SubmitAsync(us, replay.Treaty, databases, notifications);
        }

        await cluster.RoundAsync();

        using var client = cluster.Client("RU");
        var mirrored = await client.GetStringAsync(new Uri("dashboard/US?at=2020-09-01", UriKind.Relative));
        using var own = cluster.Client("US");
        var original = await own.GetStringAsync(new Uri("dashboard/US?at=2020-09-01", UriKind.Relative));
        var size = databases.Length + notifications.Length;
        Assert.Contains($"US ({size:N0})", mirrored, StringComparison.Ordinal);
        Assert.Contains("data-limit=\"warheads\" data-ceiling=\"1550\"", mirrored, StringComparison.Ordinal);
        foreach (var limit in new[] { "deployed", "warheads", "launchers" })
        {
            var values = DashboardEndpointTests.ValueRows(mirrored, limit);
            Assert.Equal(3, values.Count);
            Assert.Equal(DashboardEndpointTests.ValueRows(original, limit), values);
        }

        Assert.Equal(Items(original), Items(mirrored));
        // Russia's log integrity panel: its own log, and the mirror of the U.S. log verified on ingest at the U.S. size.
        Assert.Matches($"<tr data-log=\"US\"><th scope=\"row\">US</th><td>mirror</td><td class=\"num\">{size:N0}</td><td><code class=\"hash\" title=\"[^\"]+\">[^<]+…</code>[^\n]*?</td><td><span class=\"yes\">yes, on ingest</span>", mirrored);
        // Each page says whose node it is on and from which log it comes.
        Assert.Contains("<p class=\"node\" data-node=\"RU\">", mirrored, StringComparison.Ordinal);
        Assert.Contains("<p class=\"viewing\" data-viewing=\"mirror\">This is United States of America (US) as the node of Russian Federation (RU) holds it", mirrored, StringComparison.Ordinal);
        Assert.Contains("<p class=\"viewing\" data-viewing=\"own\">", original, StringComparison.Ordinal);
        Assert.Contains("<tr data-peer=\"US\">", mirrored, StringComparison.Ordinal);

        // Russia's own page: its log holds no declaration, and the page says so.
        var russia = await client.GetStringAsync(new Uri("dashboard/RU?at=2020-09-01", UriKind.Relative));
        Assert.Contains("has declared no database yet", russia, StringComparison.Ordinal);
        var overview = await client.GetStringAsync(new Uri("?at=2020-09-01", UriKind.Relative));
        Assert.Contains("<a href=\"/dashboard/US?at=2020-09-01\">", overview, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/dashboard/RU?at=2020-09-01\">", overview, StringComparison.Ordinal);
    }

    private static List<string> Items(string html) =>
        [.. Regex.Matches(html, "<a class=\"item\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
}
