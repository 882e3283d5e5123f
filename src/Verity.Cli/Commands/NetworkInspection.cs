using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Inspections;
using Verity.Core.Treaties;
using Verity.Node.Inspections;

namespace Verity.Cli.Commands;

/// <summary>The demo's inspections: one Type One inspection of each party by each other, run step by step through
/// the two parties' nodes, the selection by a joint draw between them.</summary>
internal sealed partial class NetworkDemo
{
    /// <summary>
    /// Runs one inspection of <paramref name="inspected"/> by <paramref name="inspecting"/>, arriving on
    /// <paramref name="arrival"/>, at the first site (in ordinal order) where the inspected party's forces on that day
    /// hold deployed items carrying warheads: each step submitted by its party's operator to its own node, and the next
    /// one only once the other node has mirrored it (the nodes check each step against both logs). The inspected
    /// party declares honestly; the inspectors count what it declared.
    /// </summary>
    public async Task<(string Id, TimeSpan Elapsed)> InspectAsync(Treaty treaty, PartyCode inspecting, PartyCode inspected, string type, LocalDate arrival)
    {
        var watch = Stopwatch.StartNew();
        var id = $"{inspecting}-{inspected}-{arrival:yyyy-MM-dd}";

        // The inspected party declares its forces as its own node derives them on the day of arrival (its last database
        // plus the changes it notified since), so that an honest declaration is what the inspection is compared with.
        using var own = Client(Url(inspected));
        var forces = await own.GetFromJsonAsync<Verity.Node.Api.ForcesResult>($"parties/{inspected}/forces?at={arrival:yyyy-MM-dd}", Json).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{inspected}'s node gave no forces on {arrival:yyyy-MM-dd}");
        var listed = forces.Items;
        bool Counted(Verity.Node.Api.ItemResult i) => treaty.RoleOf(i.Status) == StatusRole.Deployed && i.Warheads > 0;
        var site = listed.Where(Counted).Select(i => i.Location).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException($"{inspected}'s forces on {arrival:yyyy-MM-dd} hold no deployed item carrying warheads");
        var missiles = listed.Where(i => i.Location == site && Counted(i)).OrderBy(i => i.Uid, StringComparer.Ordinal).ToList();
        JsonObject Body(params (string Name, JsonNode? Value)[] fields)
        {
            var body = new JsonObject { ["inspection"] = id };
            foreach (var (name, value) in fields)
            {
                body[name] = value;
            }

            return body;
        }

        await StepAsync(inspecting, InspectionStatements.Notice, Body(("inspected", inspected.Value), ("type", type), ("arrival", arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).ConfigureAwait(false);
        await StepAsync(inspecting, InspectionStatements.Designation, Body(("site", site))).ConfigureAwait(false);
        await StepAsync(inspected, InspectionStatements.SiteInformation, Body(("site", site),
            ("missiles", new JsonArray([.. missiles.Select(m => (JsonNode)new JsonObject { ["uid"] = m.Uid, ["warheads"] = m.Warheads })])))).ConfigureAwait(false);

        // The joint draw: both commit, then both reveal; neither can steer the seed alone.
        using var random = RandomNumberGenerator.Create();
        var nonces = new[] { inspecting, inspected }.ToDictionary(p => p, _ => RecordJointDraw.NewNonce(random));
        await Task.WhenAll(nonces.Select(n => StepAsync(n.Key, InspectionStatements.Commitment, Body(("commitment", n.Value.Commitment))))).ConfigureAwait(false);
        await Task.WhenAll(nonces.Select(n => StepAsync(n.Key, InspectionStatements.Reveal, Body(("nonce", n.Value.Nonce))))).ConfigureAwait(false);

        // The selection the draw gives, as the inspecting party's node derives it from both logs.
        var state = await InspectionAsync(inspecting, id).ConfigureAwait(false);
        var seed = state.GetProperty("seed").GetString() ?? throw new InvalidOperationException($"inspection {id} has no seed after both reveals");
        var chosen = RecordJointDraw.Instance.Choose(seed, missiles.Count, 1).Select(i => missiles[i]).ToList();
        await StepAsync(inspecting, InspectionStatements.Selection, Body(("selected", new JsonArray([.. chosen.Select(m => (JsonNode)m.Uid)])))).ConfigureAwait(false);
        await StepAsync(inspecting, InspectionStatements.Result, Body(
            ("counted", new JsonArray([.. chosen.Select(m => (JsonNode)new JsonObject { ["uid"] = m.Uid, ["warheads"] = m.Warheads })])),
            ("seen", new JsonArray([.. listed.Where(i => i.Location == site).Select(i => (JsonNode)i.Uid)])))).ConfigureAwait(false);
        await StepAsync(inspecting, InspectionStatements.Report, Body(("remarks", "Synthetic exercise of the demo: the reentry vehicles counted match those declared."))).ConfigureAwait(false);
        await StepAsync(inspected, InspectionStatements.Acknowledgement, Body(("comments", "Received."))).ConfigureAwait(false);
        return (id, watch.Elapsed);
    }

    /// <summary>The inspection <paramref name="id"/> as <paramref name="node"/>'s node derives it (GET /inspections/{id}).</summary>
    public async Task<JsonElement> InspectionAsync(PartyCode node, string id)
    {
        using var client = Client(Url(node));
        return await client.GetFromJsonAsync<JsonElement>($"inspections/{Uri.EscapeDataString(id)}", Json).ConfigureAwait(false);
    }

    // Submits one step to the party's own node, then waits until every other node has mirrored it.
    private async Task StepAsync(PartyCode party, string type, JsonObject body)
    {
        using var client = Client(Url(party));
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var response = await client.PostAsJsonAsync("statements", new { type, body = Convert.ToBase64String(bytes) }, Json).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{party}'s node refused the {type} of inspection {body["inspection"]}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }

        var size = (await response.Content.ReadFromJsonAsync<JsonElement>(Json).ConfigureAwait(false)).GetProperty("tree_size").GetInt64();
        var watch = Stopwatch.StartNew();
        while ((await HeadsAsync().ConfigureAwait(false)).Any(h => h.Log == party.Value && h.Size < size))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"the nodes did not mirror {party}'s {type} within 60 s");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private Uri Url(PartyCode party) => _nodes.First(n => n.Party == party.Value).Url;
}
