using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Records;

namespace Verity.Node.Tests;

/// <summary>Real databases and notifications of the replayed record in one <c>POST /statements/batch</c>: checked in
/// order (a notification of an item the batch declared before it passes), and every view of the log equal to what the
/// same record submitted one statement at a time gives (the record the node keeps after a batch is the one the check
/// read in).</summary>
public sealed class BatchRecordTests(ReplayedRecord replay) : IClassFixture<ReplayedRecord>, IDisposable
{
    private readonly NodeFactory _batched = new();
    private readonly NodeFactory _single = new();

    public void Dispose()
    {
        _batched.Dispose();
        _single.Dispose();
    }

    [Fact]
    public async Task Batch_DatabasesThenNotificationsOfTheirItems_StoredAndEveryViewAsOneAtATime()
    {
        using var batched = _batched.Operator();
        using var single = _single.Operator();
        var statements = Ordered(replay.Databases, replay.Notifications);

        using var response = await PostAsync(batched, statements);
        await ReplayedRecord.SubmitAsync(single, replay.Treaty, replay.Databases, replay.Notifications);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(statements.Count, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        foreach (var view in new[] { "compliance?at=2011-09-01", "forces?at=2011-02-05", "forces?at=2011-09-01", "findings?at=2011-09-01", "deadlines?at=2011-09-01" })
        {
            var fromBatch = await batched.GetStringAsync($"/parties/US/{view}");
            Assert.Equal(await single.GetStringAsync($"/parties/US/{view}"), fromBatch);
        }

        var findings = await batched.GetFromJsonAsync<JsonElement>("/parties/US/findings?at=2011-09-01");
        Assert.Equal(2, findings.GetProperty("databases").GetInt32());
        Assert.Empty(findings.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task Batch_NotificationsWithoutTheDatabaseBefore_400NamingAnUndeclaredItemAndNothingStored()
    {
        using var client = _batched.Operator();

        using var response = await PostAsync(client, Ordered([], replay.Notifications));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("statements[", StringComparison.Ordinal) && e.Name.Contains("].body.fields.", StringComparison.Ordinal));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/logs/US/entries")).GetProperty("tree_size").GetInt64());
    }

    /// <summary>As an operator provides them: a database on its as-of date, each notification when sent.</summary>
    private List<(string Type, byte[] Body)> Ordered(IEnumerable<Database> databases, IEnumerable<NotificationDocument> notifications) =>
        [.. databases.Select(d => (At: d.AsOf.AtMidnight(), Type: StatementTypes.Declaration, Body: d.ToJson().ToArray()))
            .Concat(notifications.Select(n => (At: n.Sent, Type: StatementTypes.Notification, Body: Encoding.UTF8.GetBytes(NotificationWriter.ToJson(n, replay.Treaty)))))
            .OrderBy(s => s.At)
            .Select(s => (s.Type, s.Body))];

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IEnumerable<(string Type, byte[] Body)> statements) =>
        client.PostAsJsonAsync("/statements/batch", new { statements = statements.Select(s => new { type = s.Type, body = Convert.ToBase64String(s.Body) }) });
}
