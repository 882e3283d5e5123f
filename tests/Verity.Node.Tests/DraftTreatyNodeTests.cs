using System.Net.Http.Json;
using System.Text.Json;

namespace Verity.Node.Tests;

/// <summary>A node for a party of a draft treaty (data/treaties/drafts/pifer-2010.yaml), with an assumed entry into force.</summary>
public sealed class DraftTreatyNodeTests : IDisposable
{
    private static readonly string Pifer = Path.Combine(AppContext.BaseDirectory, "data", "treaties", "drafts", "pifer-2010.yaml");

    private readonly NodeFactory _node = new() { Treaty = Pifer, EntryIntoForce = "2027-02-05" };

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task Compliance_DraftWithAssumedEntryIntoForce_ServesItsLimitsFromTheAssumedDates()
    {
        using var client = _node.CreateClient();

        var before = await client.GetFromJsonAsync<JsonElement>("/parties/US/compliance?at=2027-01-01");
        var after = await client.GetFromJsonAsync<JsonElement>("/parties/US/compliance?at=2035-01-01");

        Assert.Equal("not in force", before.GetProperty("standing").GetString());
        Assert.Equal("in force", after.GetProperty("standing").GetString());
        var limits = after.GetProperty("scopes")[0].GetProperty("limits").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("max").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["total"] = 2500, ["deployed-strategic"] = 1000 }, limits);
    }

    [Fact]
    public void Open_DraftWithoutEntryIntoForce_ThrowsNamingTheOptionAndCreatesNothing()
    {
        var options = new NodeOptions("US", Pifer, _node.KeyFile, _node.DbFile);

        var error = Assert.Throws<NodeOptionsException>(() => PartyLog.Open(options, TimeProvider.System));

        Assert.StartsWith("--entry-into-force: pifer-2010 is a draft", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_node.DbFile));
    }

    [Fact]
    public void Open_TreatyInForceWithEntryIntoForce_ThrowsNamingTheOption()
    {
        var options = new NodeOptions("US", NodeFactory.TreatyFile, _node.KeyFile, _node.DbFile) { EntryIntoForce = new NodaTime.LocalDate(2027, 2, 5) };

        var error = Assert.Throws<NodeOptionsException>(() => PartyLog.Open(options, TimeProvider.System));

        Assert.Contains("new-start is not a draft", error.Message, StringComparison.Ordinal);
    }
}
