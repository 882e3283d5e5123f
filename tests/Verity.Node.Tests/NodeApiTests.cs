using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Statements;

namespace Verity.Node.Tests;

public sealed class NodeApiTests : IDisposable
{
    private readonly NodeFactory _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task Submit_ThenReadBack_CheckpointAndProofsVerify()
    {
        using var client = _node.Operator();

        var first = await SubmitAsync(client, "notification", Notice("first"));
        var checkpoint1 = await CheckpointAsync(client);
        await SubmitAsync(client, "notification", Notice("second"));
        var third = await SubmitAsync(client, "notification", Notice("third"));
        var checkpoint3 = await CheckpointAsync(client);

        Assert.Equal(0, first.GetProperty("index").GetInt64());
        Assert.Equal(2, third.GetProperty("index").GetInt64());
        Assert.Equal(3, third.GetProperty("tree_size").GetInt64());
        Assert.Equal(1, checkpoint1.TreeSize);
        Assert.Equal(3, checkpoint3.TreeSize);

        var entries = await client.GetFromJsonAsync<JsonElement>("/logs/US/entries?start=0&count=10");
        Assert.Equal(3, entries.GetProperty("tree_size").GetInt64());
        var list = entries.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, list.Count);
        var bytes = Convert.FromBase64String(list[2].GetProperty("data").GetString()!);
        Assert.True(SignedStatement.TryParse(bytes, out var signed, out var problem), problem);
        Assert.True(signed.Verify(_node.Verifier));
        Assert.Equal("notification", signed.Statement.Type);
        Assert.Equal("US", signed.Statement.Party);
        Assert.Equal(3, signed.Statement.Sequence); // sequences count from 1
        Assert.Equal(Notice("third"), Encoding.UTF8.GetString(signed.Statement.Body.Span));
        Assert.Equal(third.GetProperty("leaf_hash").GetString(), signed.LeafHash.ToBase64());

        var inclusion = await client.GetFromJsonAsync<JsonElement>("/logs/US/proofs/inclusion?index=2&size=3");
        var leafHash = Hash(inclusion.GetProperty("leaf_hash").GetString()!);
        Assert.Equal(signed.LeafHash, leafHash);
        var verified = InclusionProof.Verify(2, 3, leafHash, Hashes(inclusion).AsSpan(), checkpoint3.RootHash);
        Assert.True(verified.IsValid, verified.Message);

        var consistency = await client.GetFromJsonAsync<JsonElement>("/logs/US/proofs/consistency?from=1&to=3");
        Assert.Equal(1, consistency.GetProperty("first").GetInt64());
        Assert.Equal(3, consistency.GetProperty("second").GetInt64());
        var consistent = ConsistencyProof.Verify(1, 3, Hashes(consistency).AsSpan(), checkpoint1.RootHash, checkpoint3.RootHash);
        Assert.True(consistent.IsValid, consistent.Message);
    }

    [Fact]
    public async Task Submit_AfterRotatingTheNodesKey_Is409AndStoresNothing()
    {
        using var client = _node.Operator();
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
        using var next = Verity.Record.Keys.SigningKey.Generate("US", Verity.Record.Keys.KeyAlgorithm.Ed25519, random);
        await SubmitAsync(client, KeyRotation.Type, next.Verifier.ToString());

        using var response = await client.PostAsJsonAsync("/statements", new { type = "notification", body = Convert.ToBase64String(Encoding.UTF8.GetBytes(Notice("after"))) });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("retired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await SizeAsync(client));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Submit_WithoutOperatorToken_Is401AndStoresNothing(string? token)
    {
        using var client = _node.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.PostAsJsonAsync("/statements", new { type = "declaration", body = "AAEC" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await SizeAsync(client));
    }

    [Theory]
    [InlineData("{\"type\": \"declaration\", \"body\": ", "$")] // malformed JSON
    [InlineData("[1, 2]", "$")] // not an object
    [InlineData("{\"type\": \"Bad Type!\", \"body\": \"AAEC\"}", "type")]
    [InlineData("{\"body\": \"AAEC\"}", "type")]
    [InlineData("{\"type\": 7, \"body\": \"AAEC\"}", "type")]
    [InlineData("{\"type\": \"declaration\"}", "body")]
    [InlineData("{\"type\": \"declaration\", \"body\": \"not base64!\"}", "body")]
    [InlineData("{\"type\": \"key-rotation\", \"body\": \"AAEC\"}", "body")]
    [InlineData("{\"type\": \"equivocation-alarm\", \"body\": \"e30=\"}", "type")] // recorded by the node itself
    [InlineData("{\"type\": \"note\\ud800\", \"body\": \"AAEC\"}", "type")] // half a surrogate pair: not text
    [InlineData("{\"type\": \"note\", \"body\": \"\\udc00AAEC\"}", "body")]
    [InlineData("{\"ty\\ud800pe\": \"note\", \"type\": \"note\", \"body\": \"AAEC\"}", "$")] // in a property name
    public async Task Submit_BadRequest_Is400NamingFieldAndStoresNothing(string json, string field)
    {
        using var client = _node.Operator();

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/statements", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await SizeAsync(client));
    }

    [Fact]
    public async Task Submit_OversizedBody_Is400AndStoresNothing()
    {
        using var client = _node.Operator();
        var body = Convert.ToBase64String(new byte[Api.StatementsApi.MaxRequestBytes]);

        using var response = await client.PostAsJsonAsync("/statements", new { type = "declaration", body });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("1048576 bytes", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await SizeAsync(client));
    }

    [Theory]
    [InlineData("/logs/RU/entries")]
    [InlineData("/logs/RU/checkpoint")]
    [InlineData("/logs/RU/proofs/inclusion?index=0")]
    [InlineData("/logs/RU/proofs/consistency?from=0")]
    public async Task Get_AnotherPartysLog_Is404(string path)
    {
        using var client = _node.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("RU", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/logs/US/proofs/inclusion?index=1&size=1", "index")]
    [InlineData("/logs/US/proofs/inclusion?index=0&size=5", "size")]
    [InlineData("/logs/US/proofs/consistency?from=2&to=1", "from")]
    [InlineData("/logs/US/proofs/consistency?from=0&to=9", "to")]
    [InlineData("/logs/US/entries?start=5", "start")]
    [InlineData("/logs/US/entries?count=0", "count")]
    public async Task Get_OutOfRange_Is400NamingParameter(string path, string field)
    {
        using var client = _node.Operator();
        await SubmitAsync(client, "notification", Notice("one"));

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Submit_SameNumberConcurrently_OneStoredTheRest400NamingNumber()
    {
        // Check and append are one step: of eight concurrent submissions of one notification number, one is stored.
        using var client = _node.Operator();
        var before = await SizeAsync(client);
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(Notice("concurrent")));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync("/statements", new { type = "notification", body })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("body.number", out _), problem.ToString());
        }

        Assert.Equal(before + 1, await SizeAsync(client));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Submit_DistinctNumbersConcurrently_EveryOneStored()
    {
        // A submission checked against a log that grew meanwhile is checked again, not refused.
        using var client = _node.Operator();
        var before = await SizeAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync("/statements",
            new { type = "notification", body = Convert.ToBase64String(Encoding.UTF8.GetBytes(Notice($"distinct-{i}"))) })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(before + 8, await SizeAsync(client));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Checkpoint_EmptyLog_IsSignedTextOfSizeZero()
    {
        using var client = _node.CreateClient();

        using var response = await client.GetAsync("/logs/US/checkpoint");

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var opened = Checkpoint.Open(await response.Content.ReadAsStringAsync(), [_node.Verifier]);
        Assert.True(opened.IsValid, opened.Problem);
        Assert.Equal(0, opened.Checkpoint.TreeSize);
        Assert.Equal("verity.local/us", opened.Checkpoint.Origin);
    }

    [Fact]
    public async Task OpenApi_ListsEveryEndpoint()
    {
        using var client = _node.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/statements").TryGetProperty("post", out _));
        foreach (var path in new[] { "/logs/{party}/entries", "/logs/{party}/checkpoint", "/logs/{party}/proofs/inclusion", "/logs/{party}/proofs/consistency", "/parties/{party}/compliance", "/treaty/compliance", "/healthz" })
        {
            Assert.True(paths.GetProperty(path).TryGetProperty("get", out _), path);
        }
    }

    [Fact]
    public async Task Healthz_Is200()
    {
        using var client = _node.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A six-month update notification of the United States (no item to declare first), numbered US-<paramref name="tag"/>.</summary>
    internal static string Notice(string tag) =>
        $$$"""{"type": "six-month-update", "party": "US", "number": "US-{{{tag}}}", "sent": "2011-10-01T12:00", "subject": "2011-09-01", "triggered": "2011-09-01", "fields": {"as_of": "2011-09-01", "database": "sha256:{{{tag}}}"}}""";

    internal static async Task<JsonElement> SubmitAsync(HttpClient client, string type, string text)
    {
        using var response = await client.PostAsJsonAsync("/statements", new { type, body = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Checkpoint> CheckpointAsync(HttpClient client)
    {
        var opened = Checkpoint.Open(await client.GetStringAsync("/logs/US/checkpoint"), [_node.Verifier]);
        Assert.True(opened.IsValid, opened.Problem);
        return opened.Checkpoint;
    }

    private static async Task<long> SizeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/logs/US/entries")).GetProperty("tree_size").GetInt64();

    private static Sha256Hash Hash(string base64) =>
        Sha256Hash.TryParseBase64(base64, out var hash) ? hash : throw new FormatException(base64);

    private static Sha256Hash[] Hashes(JsonElement proof) =>
        [.. proof.GetProperty("hashes").EnumerateArray().Select(h => Hash(h.GetString()!))];
}
