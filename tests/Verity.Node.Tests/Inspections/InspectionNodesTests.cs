using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Verity.Core.Inspections;
using Verity.Node.Inspections;

namespace Verity.Node.Tests.Inspections;

/// <summary>An inspection driven between two nodes over real HTTP: each party submits its steps to its own node, which
/// checks each against both logs (the other's as mirrored) before signing it.</summary>
public sealed class InspectionNodesTests
{
    private const string Id = "US-RU-2011-05-10";

    [Fact]
    public async Task Inspection_BetweenTwoNodes_IsDerivedIdenticallyByBoth_AndShownOnBothDashboards()
    {
        await using var cluster = await InspectionScript.StartClusterAsync();
        var script = new InspectionScript();
        var (us, ru) = await ThroughUsRevealAsync(cluster, script);
        await StepAsync(cluster, "RU", InspectionStatements.Reveal, new { inspection = Id, nonce = ru.Nonce });

        // Both nodes derive the same seed; the selection is the one it gives over the pre-inspection information.
        var views = await Task.WhenAll(new[] { "US", "RU" }.Select(p => ViewAsync(cluster, p)));
        var seed = views[0].GetProperty("seed").GetString()!;
        Assert.Equal(seed, views[1].GetProperty("seed").GetString());
        var uid = script.Missiles[RecordJointDraw.Instance.Choose(seed, script.Missiles.Length, 1)[0]].Uid;
        await StepAsync(cluster, "US", InspectionStatements.Selection, new { inspection = Id, selected = new[] { uid } });
        await StepAsync(cluster, "US", InspectionStatements.Result, new { inspection = Id, counted = new[] { new { uid, warheads = script.Missiles.First(m => m.Uid == uid).Warheads + 1 } } });
        await StepAsync(cluster, "US", InspectionStatements.Report, new { inspection = Id });
        await StepAsync(cluster, "RU", InspectionStatements.Acknowledgement, new { inspection = Id, comments = "disputed" });

        foreach (var node in new[] { "US", "RU" })
        {
            var view = await ViewAsync(cluster, node);
            Assert.Equal("acknowledged", view.GetProperty("stage").GetString());
            var finding = Assert.Single(view.GetProperty("findings").EnumerateArray());
            Assert.Equal("more-warheads-than-declared", finding.GetProperty("kind").GetString());

            // The finding is Russia's, on every node: in its findings, and on its dashboard page beside the quota use.
            using var client = cluster.Client(node);
            var findings = await client.GetFromJsonAsync<JsonElement>("parties/RU/findings?at=2011-06-01");
            Assert.Contains(findings.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "more-warheads-than-declared" && f.GetProperty("subject").GetString() == uid);
            var page = await client.GetStringAsync("dashboard/US?at=2011-06-01");
            Assert.Contains($"data-inspection=\"{Id}\"", page, StringComparison.Ordinal);
            Assert.Contains("<caption>Quota use by US", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithheldReveal_OverHttp_SelectionRefusedThenVoided_NothingStoredOnRefusal()
    {
        await using var cluster = await InspectionScript.StartClusterAsync();
        var script = new InspectionScript();
        var (us, ru) = await ThroughUsRevealAsync(cluster, script);

        using var client = cluster.Client("US");
        var size = await SizeAsync(client);
        using var refused = await PostAsync(client, InspectionStatements.Selection, new { inspection = Id, selected = new[] { script.Missiles[0].Uid } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("RU has not revealed", problem.GetProperty("errors").GetProperty("body.selected")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(size, await SizeAsync(client));

        await StepAsync(cluster, "US", InspectionStatements.Selection, new { inspection = Id, withheld = new[] { "RU" } });
        foreach (var node in new[] { "US", "RU" })
        {
            var view = await ViewAsync(cluster, node);
            Assert.Equal("void", view.GetProperty("stage").GetString());
            Assert.Equal("RU", Assert.Single(view.GetProperty("withheld").EnumerateArray()).GetString());
        }

        // A batch may not carry an inspection statement: it is checked against the other party's log.
        using var batch = await client.PostAsJsonAsync("statements/batch", new { statements = new[] { new { type = InspectionStatements.Report, body = Convert.ToBase64String(InspectionScript.Body(new { inspection = Id })) } } });
        Assert.Equal(HttpStatusCode.BadRequest, batch.StatusCode);
        Assert.Contains("statements[0].type", await batch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The steps up to both commitments and the U.S. reveal, honestly, each mirrored by the other node; the two nonces.
    private static async Task<((string Nonce, string Commitment) Us, (string Nonce, string Commitment) Ru)> ThroughUsRevealAsync(NodeCluster cluster, InspectionScript script)
    {
        var (us, ru) = (script.UsNonce, script.RuNonce);
        await StepAsync(cluster, "US", InspectionStatements.Notice, new { inspection = Id, inspected = "RU", type = "type-one", arrival = "2011-05-10" });
        await StepAsync(cluster, "US", InspectionStatements.Designation, new { inspection = Id, site = script.Site });
        await StepAsync(cluster, "RU", InspectionStatements.SiteInformation, new { inspection = Id, site = script.Site, missiles = script.Missiles.Select(m => new { uid = m.Uid, warheads = m.Warheads }) });
        await StepAsync(cluster, "US", InspectionStatements.Commitment, new { inspection = Id, commitment = us.Commitment });
        await StepAsync(cluster, "RU", InspectionStatements.Commitment, new { inspection = Id, commitment = ru.Commitment });
        await StepAsync(cluster, "US", InspectionStatements.Reveal, new { inspection = Id, nonce = us.Nonce });
        return (us, ru);
    }

    // Submits a step to the party's own node (it must be stored), then one round so that the other node mirrors it.
    private static async Task StepAsync(NodeCluster cluster, string party, string type, object body)
    {
        using var client = cluster.Client(party);
        using var response = await PostAsync(client, type, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{type}: {await response.Content.ReadAsStringAsync()}");
        await cluster.RoundAsync();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string type, object body) =>
        client.PostAsJsonAsync("statements", new { type, body = Convert.ToBase64String(InspectionScript.Body(body)) });

    private static async Task<JsonElement> ViewAsync(NodeCluster cluster, string node)
    {
        using var client = cluster.Client(node);
        return await client.GetFromJsonAsync<JsonElement>($"inspections/{Id}");
    }

    private static async Task<long> SizeAsync(HttpClient client)
    {
        var checkpoint = await client.GetStringAsync("logs/US/checkpoint");
        return long.Parse(checkpoint.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
