using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Verity.Node.Api;
using Verity.Record.Statements;
using static Verity.Node.Tests.NodeApiTests;

namespace Verity.Node.Tests;

/// <summary><c>POST /statements/batch</c>: many statements checked in order, appended in one commit, all or none.</summary>
public sealed class BatchSubmitTests : IDisposable
{
    private readonly NodeFactory _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task Batch_StoredInOrder_EachSignedAsTheNextStatement()
    {
        using var client = _node.Operator();
        await SubmitAsync(client, "notification", Notice("single"));

        using var response = await PostAsync(client, Enumerable.Range(0, 5).Select(i => Item("notification", Notice($"batch-{i}"))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 5, 6), (result.GetProperty("first").GetInt64(), result.GetProperty("count").GetInt32(), result.GetProperty("tree_size").GetInt64()));
        Assert.Equal("/logs/US/entries?start=1&count=5", response.Headers.Location?.OriginalString);
        var entries = (await client.GetFromJsonAsync<JsonElement>("/logs/US/entries?start=1&count=5")).GetProperty("entries").EnumerateArray().ToList();
        var hashes = result.GetProperty("leaf_hashes").EnumerateArray().Select(h => h.GetString()).ToList();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(SignedStatement.TryParse(Convert.FromBase64String(entries[i].GetProperty("data").GetString()!), out var signed, out var problem), problem);
            Assert.True(signed.Verify(_node.Verifier));
            Assert.Equal((2L + i, Notice($"batch-{i}")), (signed.Statement.Sequence, Encoding.UTF8.GetString(signed.Statement.Body.Span)));
            Assert.Equal(hashes[i], signed.LeafHash.ToBase64());
        }
    }

    [Theory]
    [InlineData("bad-base64", "statements[3].body")]
    [InlineData("bad-type", "statements[3].type")]
    [InlineData("not-an-object", "statements[3]")]
    [InlineData("wrong-party", "statements[3].body.party")]
    public async Task Batch_OneBadStatement_400NamingItAndNothingStored(string fault, string field)
    {
        using var client = _node.Operator();
        var items = Enumerable.Range(0, 6).Select(i => Item("notification", Notice($"b-{i}"))).ToList();
        items[3] = fault switch
        {
            "bad-base64" => new { type = "notification", body = "not base64!" },
            "bad-type" => new { type = "launch-order", body = "AAEC" },
            "not-an-object" => (object)7,
            _ => Item("notification", Notice("b-3").Replace("\"party\": \"US\"", "\"party\": \"RU\"", StringComparison.Ordinal)),
        };

        using var response = await PostAsync(client, items);

        await AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await SizeAsync(client));
    }

    [Fact]
    public async Task Batch_NumberUsedEarlierInTheSameBatch_400NamingTheSecond()
    {
        // The checks are ordered: the second of two notifications with one number is refused as if the first were stored.
        using var client = _node.Operator();

        using var response = await PostAsync(client, [Item("notification", Notice("a")), Item("notification", Notice("b")), Item("notification", Notice("a"))]);

        await AssertFieldAsync(response, HttpStatusCode.BadRequest, "statements[2].body.number");
        Assert.Equal(0, await SizeAsync(client));
    }

    [Fact]
    public async Task Batch_NumberAlreadyInTheLog_400()
    {
        using var client = _node.Operator();
        await SubmitAsync(client, "notification", Notice("a"));

        using var response = await PostAsync(client, [Item("notification", Notice("b")), Item("notification", Notice("a"))]);

        await AssertFieldAsync(response, HttpStatusCode.BadRequest, "statements[1].body.number");
        Assert.Equal(1, await SizeAsync(client));
    }

    [Theory]
    [InlineData("{\"statements\": []}", "statements")]
    [InlineData("{\"statements\": 7}", "statements")]
    [InlineData("[]", "$")]
    [InlineData("{\"statements\": [", "$")]
    [InlineData("{\"\\ud800\": 1, \"statements\": []}", "$")]
    public async Task Batch_MalformedEnvelope_400NamingIt(string json, string field)
    {
        using var client = _node.Operator();

        using var response = await client.PostAsync("/statements/batch", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Batch_MoreThanTenThousand_413AndNothingStored()
    {
        using var client = _node.Operator();
        var items = Enumerable.Repeat(Item("note", "n"), StatementsApi.MaxBatchStatements + 1);

        using var response = await PostAsync(client, items);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 10,000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await SizeAsync(client));
    }

    [Fact]
    public async Task Batch_LargerThanSixteenMebibytes_413()
    {
        using var client = _node.Operator();
        var big = new string('x', (StatementsApi.MaxBatchBytes / 2) + 1);

        using var response = await PostAsync(client, [Item("note", big), Item("note", big)]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await SizeAsync(client));
    }

    [Fact]
    public async Task Batch_WithoutTheOperatorToken_401()
    {
        using var client = _node.CreateClient();

        using var response = await PostAsync(client, [Item("notification", Notice("a"))]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Batch_BesideConcurrentSingles_EveryStatementStoredOnceInOneRun()
    {
        // A batch checked against a log that grew meanwhile is checked again; its statements stay together.
        using var client = _node.Operator();
        var singles = Enumerable.Range(0, 6).Select(i => client.PostAsJsonAsync("/statements", Item("notification", Notice($"single-{i}"))));
        var batch = PostAsync(client, Enumerable.Range(0, 50).Select(i => Item("notification", Notice($"batch-{i}"))));

        var responses = await Task.WhenAll(singles.Append(batch));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var first = (await responses[^1].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("first").GetInt64();
        var entries = (await client.GetFromJsonAsync<JsonElement>("/logs/US/entries?start=0&count=100")).GetProperty("entries").EnumerateArray()
            .Select(e => SignedStatement.TryParse(Convert.FromBase64String(e.GetProperty("data").GetString()!), out var s, out _) ? Encoding.UTF8.GetString(s.Statement.Body.Span) : "?")
            .ToList();
        Assert.Equal(56, entries.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => Notice($"batch-{i}")), entries.Skip((int)first).Take(50));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static object Item(string type, string text) => new { type, body = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IEnumerable<object> statements) =>
        client.PostAsJsonAsync("/statements/batch", new { statements });

    private static async Task AssertFieldAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), text);
        Assert.Contains("nothing was stored", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<long> SizeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/logs/US/entries")).GetProperty("tree_size").GetInt64();
}
