using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Verity.Node.Tests;

public sealed class ComplianceApiTests : IDisposable
{
    private readonly NodeFactory _node = new();

    public void Dispose() => _node.Dispose();

    [Theory]
    [InlineData("2019-06-01", "in force", "within")]
    [InlineData("2010-01-01", "not in force", "treaty-not-in-force")]
    public async Task Compliance_OnDate_GivesStandingAndLimitsOverEmptyInventory(string at, string standing, string status)
    {
        using var client = _node.CreateClient();

        var report = await client.GetFromJsonAsync<JsonElement>($"/parties/US/compliance?at={at}");

        Assert.Equal("US", report.GetProperty("party").GetString());
        Assert.Equal(standing, report.GetProperty("standing").GetString());
        Assert.Equal("empty", report.GetProperty("inventory").GetString());
        Assert.Contains("empty inventory", report.GetProperty("note").GetString(), StringComparison.Ordinal);
        var limits = report.GetProperty("scopes").EnumerateArray().SelectMany(s => s.GetProperty("limits").EnumerateArray()).ToList();
        Assert.NotEmpty(limits);
        Assert.All(limits, l => Assert.Equal(0, l.GetProperty("value").GetInt64()));
        Assert.All(limits, l => Assert.Equal(status, l.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("/parties/US/compliance?at=2019-13-01")]
    [InlineData("/parties/US/compliance")]
    public async Task Compliance_BadDate_Is400NamingAt(string path)
    {
        using var client = _node.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("at", out _), problem.ToString());
    }

    [Fact]
    public async Task Compliance_NotAParty_Is404()
    {
        using var client = _node.CreateClient();

        using var response = await client.GetAsync("/parties/FR/compliance?at=2019-06-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
