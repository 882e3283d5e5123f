using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Records;
using Verity.Core.Treaties;

namespace Verity.Node.Tests;

/// <summary>
/// The views across logs on a node that holds more than its own: a group's limit at <c>/parties/{party}/compliance</c>
/// and <c>/treaty/compliance</c> counts every member's forces once the other member's database is mirrored (and is
/// null, naming the member whose forces are not known, before; or whose log is not held at all), and a reply owed to
/// the other party's notification is assessed at <c>/parties/{party}/deadlines</c>.
/// </summary>
public sealed class TreatyViewsTests(ReplayedRecord replay) : IClassFixture<ReplayedRecord>
{
    private static readonly LocalDate After = new(2018, 3, 1);

    [Fact]
    public async Task Compliance_GroupOnANodeHoldingBothLogs_FullValueOfBothMembers()
    {
        await using var cluster = await NodeCluster.StartGroupAsync("US", "RU");
        var treaty = TreatyReader.Parse(File.ReadAllText(cluster.TreatyFile), "new-start.yaml");
        var us = Verity.Core.Exchanges.Database.Build(replay.Definition, replay.Treaty, replay.Ledger, ReplayedRecord.US, After);
        var ru = Verity.Core.Exchanges.Database.Build(replay.Definition, replay.Treaty, replay.Ledger, ReplayedRecord.RU, After);
        using (var client = cluster.Client("US"))
        {
            await ReplayedRecord.SubmitAsync(client, StatementTypes.Declaration, us.ToJson().ToArray());
        }

        using (var client = cluster.Client("RU"))
        {
            await ReplayedRecord.SubmitAsync(client, StatementTypes.Declaration, ru.ToJson().ToArray());
        }

        using var node = cluster.Client("US");
        var before = Group(await node.GetFromJsonAsync<JsonElement>("/parties/US/compliance?at=2018-03-01"));
        await cluster.RoundAsync();
        var compliance = await node.GetFromJsonAsync<JsonElement>("/parties/US/compliance?at=2018-03-01");
        var whole = await node.GetFromJsonAsync<JsonElement>("/treaty/compliance?at=2018-03-01");

        // Before the round the node's mirror of RU's log is empty: RU's forces are not known yet.
        Assert.Equal(["US", "RU"], Strings(before.GetProperty("held")));
        Assert.Equal(["RU"], Strings(before.GetProperty("undeclared")));
        var unknown = Limit(before);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("value").ValueKind);
        Assert.Equal("no-declaration", unknown.GetProperty("status").GetString());
        Assert.Contains("RU declares no database", before.GetProperty("note").GetString(), StringComparison.Ordinal);

        var want = ComplianceEvaluator.Evaluate(treaty, replay.Ledger.AsOf(After), After, Interpretation.Agreed)[GroupExercise.Group]![GroupExercise.Limit]!;
        var group = Group(compliance);
        Assert.Equal(["US", "RU"], Strings(group.GetProperty("held")));
        Assert.Empty(Strings(group.GetProperty("missing")));
        Assert.Empty(Strings(group.GetProperty("undeclared")));
        Assert.Equal(JsonValueKind.Null, group.GetProperty("note").ValueKind);
        Assert.Equal(want.Value, Limit(group).GetProperty("value").GetInt64());
        Assert.Equal(StatusWords.Of(want.Status), Limit(group).GetProperty("status").GetString());
        var usWarheads = Scope(compliance, "US").GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "warheads").GetProperty("value").GetInt64();
        Assert.True(want.Value > usWarheads, $"group {want.Value}, US alone {usWarheads}");
        Assert.Equal(1, compliance.GetProperty("tree_sizes").GetProperty("RU").GetInt64());

        Assert.Empty(Strings(whole.GetProperty("missing")));
        Assert.Equal(["US", "RU"], whole.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("party").GetString()!));
        var treatyGroup = Assert.Single(whole.GetProperty("groups").EnumerateArray());
        Assert.Equal(want.Value, Limit(treatyGroup).GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task Dashboard_GroupOnANodeHoldingBothLogs_ChartedOnTheMembersPageAndListedOnTheOverview()
    {
        await using var cluster = await NodeCluster.StartGroupAsync("US", "RU");
        foreach (var party in new[] { ReplayedRecord.US, ReplayedRecord.RU })
        {
            using var client = cluster.Client(party.Value);
            var database = Verity.Core.Exchanges.Database.Build(replay.Definition, replay.Treaty, replay.Ledger, party, After);
            await ReplayedRecord.SubmitAsync(client, StatementTypes.Declaration, database.ToJson().ToArray());
        }

        using var node = cluster.Client("US");
        var before = await node.GetStringAsync("/dashboard/US?at=2018-03-01");
        await cluster.RoundAsync();
        var page = await node.GetStringAsync("/dashboard/US?at=2018-03-01");
        var overview = await node.GetStringAsync("/?at=2018-03-01");
        var russian = await node.GetStringAsync("/dashboard/RU?at=2018-03-01");

        Assert.Contains("data-not-known=\"RU\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<figure data-limit=\"both-warheads\"", before, StringComparison.Ordinal);
        Assert.Contains($"<h3 data-group=\"{GroupExercise.Group}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<figure data-limit=\"{GroupExercise.Limit}\" data-scope=\"{GroupExercise.Group}\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-not-known", page, StringComparison.Ordinal);
        Assert.Contains($"<figure data-limit=\"{GroupExercise.Limit}\" data-scope=\"{GroupExercise.Group}\">", russian, StringComparison.Ordinal);
        Assert.Contains($"<tr data-scope=\"{GroupExercise.Group}\">", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_ReplyToTheOtherPartysNotificationMirrored_OwedAndOverdue()
    {
        await using var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");
        var sent = new LocalDateTime(2011, 3, 10, 9, 0);
        var fields = new[] { ("launch", "US-L-2011-01"), ("deficiency", "tape 3 unreadable") }.ToImmutableSortedDictionary(f => f.Item1, f => f.Item2, StringComparer.Ordinal);
        var deficiency = new NotificationDocument("telemetry-deficiency", ReplayedRecord.RU, "RU-T-1", sent, "RU-T-1", sent.Date, fields);
        using (var client = cluster.Client("RU"))
        {
            await ReplayedRecord.SubmitAsync(client, StatementTypes.Notification, Encoding.UTF8.GetBytes(NotificationWriter.ToJson(deficiency, replay.Treaty)));
        }

        await cluster.SubmitAsync("US", 1);
        using var node = cluster.Client("US");
        var before = await node.GetFromJsonAsync<JsonElement>("/parties/US/deadlines?at=2011-06-01");
        await cluster.RoundAsync();
        var after = await node.GetFromJsonAsync<JsonElement>("/parties/US/deadlines?at=2011-06-01");

        Assert.DoesNotContain(before.GetProperty("findings").EnumerateArray(), f => f.GetProperty("type").GetString() == "telemetry-deficiency-explanation");
        Assert.Equal(["RU"], Strings(after.GetProperty("received_from")));
        Assert.Empty(Strings(after.GetProperty("not_held")));
        var reply = Assert.Single(after.GetProperty("findings").EnumerateArray(), f => f.GetProperty("type").GetString() == "telemetry-deficiency-explanation");
        Assert.Equal(("RU-T-1", "overdue", "2011-05-09T23:59"), (reply.GetProperty("subject").GetString(), reply.GetProperty("state").GetString(), reply.GetProperty("due").GetString()));
        Assert.Equal(before.GetProperty("owed").GetInt32() + 1, after.GetProperty("owed").GetInt32());
    }

    [Fact]
    public async Task Views_OtherMembersLogNotHeld_GroupUnknownNamingItAndRepliesNotAssessed()
    {
        await using var cluster = await NodeCluster.StartGroupAsync("US");
        using var node = cluster.Client("US");
        var us = Verity.Core.Exchanges.Database.Build(replay.Definition, replay.Treaty, replay.Ledger, ReplayedRecord.US, After);
        await ReplayedRecord.SubmitAsync(node, StatementTypes.Declaration, us.ToJson().ToArray());

        var compliance = await node.GetFromJsonAsync<JsonElement>("/parties/US/compliance?at=2018-03-01");
        var whole = await node.GetFromJsonAsync<JsonElement>("/treaty/compliance?at=2018-03-01");
        var deadlines = await node.GetFromJsonAsync<JsonElement>("/parties/US/deadlines?at=2018-03-01");
        using var missingDate = await node.GetAsync("/treaty/compliance");
        using var badDate = await node.GetAsync("/treaty/compliance?at=2018-02-30");

        var group = Group(compliance);
        Assert.Equal(["US"], Strings(group.GetProperty("held")));
        Assert.Equal(["RU"], Strings(group.GetProperty("missing")));
        Assert.Equal(JsonValueKind.Null, Limit(group).GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, Limit(group).GetProperty("margin").ValueKind);
        Assert.Equal("record-missing", Limit(group).GetProperty("status").GetString());
        Assert.Contains("no log of RU", group.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(["RU"], Strings(whole.GetProperty("missing")));
        Assert.Equal(["US"], whole.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("party").GetString()!));
        Assert.Equal(["RU"], Strings(deadlines.GetProperty("not_held")));
        Assert.Empty(Strings(deadlines.GetProperty("received_from")));
        Assert.Equal(HttpStatusCode.BadRequest, missingDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("\"at\"", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonElement Scope(JsonElement compliance, string scope) =>
        compliance.GetProperty("scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == scope);

    private static JsonElement Group(JsonElement compliance)
    {
        var group = Scope(compliance, GroupExercise.Group);
        Assert.Equal("group", group.GetProperty("kind").GetString());
        return group;
    }

    private static JsonElement Limit(JsonElement scope) =>
        Assert.Single(scope.GetProperty("limits").EnumerateArray(), l => l.GetProperty("id").GetString() == GroupExercise.Limit);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
