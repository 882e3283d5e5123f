using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Verity.Core.Compliance;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Records;
using Verity.Core.Treaties;
using Verity.Record.Statements;

namespace Verity.Node.Tests;

/// <summary>
/// Real declarations and notifications of the replayed record submitted through <c>POST /statements</c>, and every
/// view read back over HTTP: the values equal what the replay's ledger gives; bad statements are 400 and stored nowhere.
/// </summary>
public sealed class PartiesApiTests(ReplayedRecord replay) : IClassFixture<ReplayedRecord>, IDisposable
{
    private readonly NodeFactory _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task Views_RecordSubmittedThroughTheApi_DerivedFromTheLog()
    {
        using var client = _node.Operator();
        await SubmitAllAsync(client);

        var compliance = await client.GetFromJsonAsync<JsonElement>("/parties/US/compliance?at=2011-09-01");
        var ledger = ComplianceEvaluator.Evaluate(replay.Treaty, replay.Ledger.AsOf(ReplayedRecord.Second), ReplayedRecord.Second, Interpretation.Agreed, ReplayedRecord.US);
        Assert.Equal("declared", compliance.GetProperty("inventory").GetString());
        Assert.Equal("2011-09-01", compliance.GetProperty("basis").GetProperty("as_of").GetString());
        var us = compliance.GetProperty("scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "US");
        foreach (var limit in us.GetProperty("limits").EnumerateArray())
        {
            var want = ledger["US"]![limit.GetProperty("id").GetString()!]!;
            Assert.Equal(want.Value, limit.GetProperty("value").GetInt64());
            Assert.Equal(want.Value, limit.GetProperty("declared").GetInt64());
            Assert.Equal(StatusWords.Of(want.Status), limit.GetProperty("status").GetString());
        }

        var forces = await client.GetFromJsonAsync<JsonElement>("/parties/US/forces?at=2011-02-05");
        Assert.Equal(0, forces.GetProperty("basis").GetProperty("entry").GetInt64());
        Assert.Equal(replay.Ledger.AsOf(ReplayedRecord.First).Count(i => i.Party == ReplayedRecord.US), forces.GetProperty("counts").EnumerateArray().Sum(c => c.GetProperty("count").GetInt64()));
        Assert.Equal(replay.Databases[0].ListedItems().Count, forces.GetProperty("items").GetArrayLength());

        var findings = await client.GetFromJsonAsync<JsonElement>("/parties/US/findings?at=2011-09-01");
        Assert.Equal(2, findings.GetProperty("databases").GetInt32());
        Assert.Empty(findings.GetProperty("findings").EnumerateArray());

        var deadlines = await client.GetFromJsonAsync<JsonElement>("/parties/US/deadlines?at=2011-09-01");
        var cli = DeadlineTracker.Track(replay.Treaty, ReplayedRecord.US, replay.Owed, replay.Notifications, ReplayedRecord.Second);
        Assert.Equal(cli.Obligations.Length, deadlines.GetProperty("owed").GetInt32());
        Assert.Equal(cli.Count(DeadlineState.OnTime), deadlines.GetProperty("on_time").GetInt32());
        Assert.Equal(cli.Count(DeadlineState.Pending), deadlines.GetProperty("pending").GetInt32());
        Assert.Equal(0, deadlines.GetProperty("late").GetInt32() + deadlines.GetProperty("overdue").GetInt32() + deadlines.GetProperty("unmatched").GetInt32());
        Assert.Equal(RecordDeadlines.Coverage, deadlines.GetProperty("coverage").GetString());

        var change = replay.Notifications.First(d => d.Fields.GetValueOrDefault("kind") == "icbm");
        var item = await client.GetFromJsonAsync<JsonElement>($"/parties/US/items/{change.Fields["uid"]}");
        var history = item.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("type").GetString() == "declaration" && h.GetProperty("item").GetProperty("uid").GetString() == change.Fields["uid"]);
        Assert.Contains(history, h => h.GetProperty("type").GetString() == "notification" && h.GetProperty("notification").GetProperty("number").GetString() == change.Number);

        var diagnostics = await client.GetFromJsonAsync<JsonElement>("/parties/US/diagnostics");
        Assert.Equal(2 + replay.Notifications.Length, diagnostics.GetProperty("tree_size").GetInt64());
        Assert.Empty(diagnostics.GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task Compliance_BeforeAnyDeclaration_SaysSoWithNullValues()
    {
        using var client = _node.Operator();
        await SubmitAsync(client, StatementTypes.Declaration, replay.Databases[0].ToJson().ToArray());

        var compliance = await client.GetFromJsonAsync<JsonElement>("/parties/US/compliance?at=2011-01-01");

        Assert.Equal("none", compliance.GetProperty("inventory").GetString());
        Assert.Equal(JsonValueKind.Null, compliance.GetProperty("basis").ValueKind);
        Assert.Contains("no database is declared", compliance.GetProperty("note").GetString(), StringComparison.Ordinal);
        var limits = compliance.GetProperty("scopes").EnumerateArray().SelectMany(s => s.GetProperty("limits").EnumerateArray()).ToList();
        Assert.NotEmpty(limits);
        Assert.All(limits, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("value").ValueKind));
    }

    public static TheoryData<string, string> BadStatements => new()
    {
        { "unknown-type", "type" },
        { "declaration-not-json", "body" },
        { "declaration-of-another-party", "body.party" },
        { "declaration-bad-field", "body.as_of" },
        { "notification-of-another-party", "body.party" },
        { "notification-undeclared-item", "body.fields.uid" },
        { "notification-number-used", "body.number" },
        { "notification-missing-field", "body.fields.as_of" },
        { "notification-huge-number", "body.fields.year" },
        { "notification-number-beyond-its-range", "body.fields.year" },
        { "notification-text-after", "body" },
        { "notification-not-utf8", "body" },
        { "notification-date-beyond-the-range", "body.triggered" },
    };

    private const string Clearance = """{"type": "inspection-airplane-clearance", "party": "US", "number": "US-9", "sent": "2011-02-10T12:00", "subject": "entry-into-force", "triggered": "2011-02-05", "fields": {"clearance": "X", "year": 2011}}""";

    [Theory]
    [MemberData(nameof(BadStatements))]
    public async Task Submit_StatementThatDoesNotReadBack_Is400NamingTheFieldAndStoresNothing(string planted, string field)
    {
        using var client = _node.Operator();
        await SubmitAsync(client, StatementTypes.Notification, Encoding.UTF8.GetBytes(NodeApiTests.Notice("0001")));
        var change = replay.Notifications.First(d => d.Fields.GetValueOrDefault("kind") == "icbm");
        var (type, body) = planted switch
        {
            "unknown-type" => ("exhibition-report", "{}"u8.ToArray()),
            "declaration-not-json" => (StatementTypes.Declaration, "US,ICBM,1"u8.ToArray()),
            "declaration-of-another-party" => (StatementTypes.Declaration, replay.Russian.ToJson().ToArray()),
            "declaration-bad-field" => (StatementTypes.Declaration, Encoding.UTF8.GetBytes(replay.Databases[0].ToJsonString().Replace("\"as_of\":\"2011-02-05\"", "\"as_of\":\"2011-02-30\"", StringComparison.Ordinal))),
            "notification-of-another-party" => (StatementTypes.Notification, Encoding.UTF8.GetBytes(NodeApiTests.Notice("0002").Replace("\"party\": \"US\"", "\"party\": \"RU\"", StringComparison.Ordinal))),
            "notification-undeclared-item" => (StatementTypes.Notification, Encoding.UTF8.GetBytes(NotificationWriter.ToJson(change, replay.Treaty))),
            "notification-number-used" => (StatementTypes.Notification, Encoding.UTF8.GetBytes(NodeApiTests.Notice("0001"))),
            "notification-missing-field" => (StatementTypes.Notification, Encoding.UTF8.GetBytes(NodeApiTests.Notice("0003").Replace("\"as_of\": \"2011-09-01\", ", string.Empty, StringComparison.Ordinal))),
            "notification-huge-number" => (StatementTypes.Notification, Encoding.UTF8.GetBytes(Clearance.Replace("2011}", "99999999999999999999999}", StringComparison.Ordinal))),
            "notification-number-beyond-its-range" => (StatementTypes.Notification, Encoding.UTF8.GetBytes(Clearance.Replace("2011}", "9007199254740992}", StringComparison.Ordinal))),
            "notification-text-after" => (StatementTypes.Notification, Encoding.UTF8.GetBytes(Clearance + " {}")),
            "notification-not-utf8" => (StatementTypes.Notification, [.. Encoding.UTF8.GetBytes(Clearance.Replace("\"X\"", "\"X", StringComparison.Ordinal)).Take(Clearance.IndexOf("\"X\"", StringComparison.Ordinal) + 2), 0xFF, .. "\"}}"u8.ToArray()]),
            "notification-date-beyond-the-range" => (StatementTypes.Notification, Encoding.UTF8.GetBytes(Clearance.Replace("\"triggered\": \"2011-02-05\"", "\"triggered\": \"9999-12-31\"", StringComparison.Ordinal))),
            _ => throw new ArgumentOutOfRangeException(nameof(planted)),
        };

        using var response = await client.PostAsJsonAsync("/statements", new { type, body = Convert.ToBase64String(body) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Contains("nothing was stored", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/logs/US/entries")).GetProperty("tree_size").GetInt64());
    }

    [Fact]
    public async Task Submit_UnknownType_ListsTheKnownTypes()
    {
        using var client = _node.Operator();

        using var response = await client.PostAsJsonAsync("/statements", new { type = "exhibition-report", body = "e30=" });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"declaration, notification, {KeyRotation.Type}", problem.GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(KeyRotation.Type, StatementTypes.KeyRotation);
    }

    [Theory]
    [InlineData("/parties/RU/forces?at=2011-09-01", "holds no log of RU")]
    [InlineData("/parties/FR/compliance?at=2011-09-01", "FR is not a party")]
    [InlineData("/parties/US/items/US-NO-SUCH-ITEM", "mentions item US-NO-SUCH-ITEM")]
    public async Task Views_NotHeldOrUnknown_Is404Naming(string path, string message)
    {
        using var client = _node.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/parties/US/forces?at=2011-02-30", "at")]
    [InlineData("/parties/US/compliance", "at")]
    [InlineData("/parties/US/deadlines?at=soon", "at")]
    [InlineData("/parties/US/findings?at=2011-9-1", "at")]
    [InlineData("/parties/US/items/%01", "uid")]
    [InlineData("/parties/US/deadlines?at=9999-12-31", "at")]
    [InlineData("/parties/US/findings?at=9999-12-31", "at")]
    [InlineData("/parties/US/forces?at=9000-01-01", "at")]
    [InlineData("/parties/US/compliance?at=1899-12-31", "at")]
    [InlineData("/treaty/compliance?at=9999-12-31", "at")]
    public async Task Views_BadParameter_Is400Naming(string path, string field)
    {
        using var client = _node.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/parties/US/deadlines?at=2200-12-31")]
    [InlineData("/parties/US/findings?at=2200-12-31")]
    [InlineData("/parties/US/compliance?at=1900-01-01")]
    public async Task Views_AtTheEdgesOfTheSupportedDates_Answered(string path)
    {
        using var client = _node.Operator();
        await SubmitAsync(client, StatementTypes.Declaration, replay.Databases[0].ToJson().ToArray());

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task SubmitAllAsync(HttpClient client) => ReplayedRecord.SubmitAsync(client, replay.Treaty, replay.Databases, replay.Notifications);

    private static Task SubmitAsync(HttpClient client, string type, byte[] body) => ReplayedRecord.SubmitAsync(client, type, body);
}
