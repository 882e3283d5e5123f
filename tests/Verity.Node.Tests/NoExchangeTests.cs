using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Verity.Node.Tests;

/// <summary>
/// A node for a treaty that has no data exchange (SORT: no <c>data/exchanges/sort.yaml</c>): it starts without a
/// definition, takes any statement but a declaration, and its views say that nothing can be declared.
/// </summary>
public sealed class NoExchangeTests : IDisposable
{
    private readonly NodeFactory _node = new() { Treaty = NodeFactory.SortFile };

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task Start_TreatyWithoutDataExchange_ServesWithoutDefinition()
    {
        using var client = _node.CreateClient();

        using var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Null(_node.Services.GetRequiredService<PartyLog>().Exchange);
    }

    [Fact]
    public async Task Submit_NoteWithoutDataExchange_Created()
    {
        using var client = _node.Operator();

        var appended = await NodeApiTests.SubmitAsync(client, "note", "SORT has no data exchange; this is a remark.");

        Assert.Equal(0, appended.GetProperty("index").GetInt64());
    }

    [Fact]
    public async Task Submit_DeclarationWithoutDataExchange_400NamingTypeAndNothingStored()
    {
        using var client = _node.Operator();

        using var response = await client.PostAsJsonAsync("/statements", new { type = "declaration", body = Convert.ToBase64String(Encoding.UTF8.GetBytes("{}")) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("type").EnumerateArray()).GetString();
        Assert.Contains("treaty sort has no data exchange: declarations cannot be read", message, StringComparison.Ordinal);
        var entries = await client.GetFromJsonAsync<JsonElement>("/logs/US/entries");
        Assert.Empty(entries.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Compliance_WithoutDataExchange_NoDeclarationAndSaysWhy()
    {
        using var client = _node.CreateClient();

        var compliance = await client.GetFromJsonAsync<JsonElement>("/parties/US/compliance?at=2010-01-01");
        var findings = await client.GetFromJsonAsync<JsonElement>("/parties/US/findings?at=2010-01-01");

        Assert.Equal("none", compliance.GetProperty("inventory").GetString());
        Assert.Equal(JsonValueKind.Null, compliance.GetProperty("basis").ValueKind);
        Assert.Contains("treaty sort has no data exchange", compliance.GetProperty("note").GetString(), StringComparison.Ordinal);
        var limits = compliance.GetProperty("scopes").EnumerateArray().SelectMany(s => s.GetProperty("limits").EnumerateArray()).ToList();
        Assert.NotEmpty(limits);
        Assert.All(limits, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("value").ValueKind));
        Assert.Equal(0, findings.GetProperty("databases").GetInt32());
        Assert.Contains("treaty sort has no data exchange", findings.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ExplicitExchangeFileMissing_ThrowsNamingExchangeAndCreatesNothing()
    {
        var missing = Path.Combine(_node.Directory, "absent-exchange.yaml");
        var options = new NodeOptions("US", NodeFactory.SortFile, _node.KeyFile, _node.DbFile, ExchangeFile: missing);

        var error = Assert.Throws<NodeOptionsException>(() => PartyLog.Open(options, TimeProvider.System));

        Assert.StartsWith("--exchange: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_node.DbFile));
    }
}
