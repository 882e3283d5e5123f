using System.Text.Json;
using System.Text.Json.Nodes;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary>
/// <c>deadlines --sent</c> over the United States' notifications of 2011 as <c>notify --export</c> writes them, each
/// test changing one thing.
/// </summary>
public sealed class DeadlinesCommandTests : IDisposable
{
    private const string At = "2011-12-31";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "verity-deadlines-" + Guid.NewGuid().ToString("N"));

    public DeadlinesCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Every notification the United States owed in 2011, each sent on time, as <c>notify --export</c> writes them.</summary>
    private async Task<List<JsonObject>> SentIn2011Async()
    {
        var export = Path.Combine(_directory, "export.json");
        var run = await RunAsync("notify", "--party", "US", "--to", At, "--export", export);
        Assert.Equal(0, run.ExitCode);

        var documents = JsonNode.Parse(File.ReadAllText(export))!.AsArray()
            .Select(d => d!.DeepClone().AsObject())
            .ToList();
        Assert.True(documents.Count > 200, $"{documents.Count} documents");
        Assert.Equal(documents.Count, documents.DistinctBy(d => (string)d["number"]!).Count());
        return documents;
    }

    private static JsonObject Moved0450(List<JsonObject> documents) => documents.Single(d =>
        (string)d["subject"]! == "US-ICBM-MM3-0450:moved");

    private async Task<(CliRun Run, JsonElement Party)> DeadlinesAsync(List<JsonObject> documents)
    {
        var sent = Path.Combine(_directory, "sent.json");
        await File.WriteAllTextAsync(sent, new JsonArray([.. documents]).ToJsonString());
        var run = await RunAsync("deadlines", "--party", "US", "--at", At, "--sent", sent, "--json");
        var party = run.ExitCode == 2 ? default : JsonDocument.Parse(run.Out).RootElement.GetProperty("parties")[0].Clone();
        return (run, party);
    }

    [Fact]
    public async Task Deadlines_EverythingOwedSentOnTime_ExitsZero()
    {
        var documents = await SentIn2011Async();

        var (run, party) = await DeadlinesAsync(documents);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("US", party.GetProperty("party").GetString());
        Assert.Equal(0, party.GetProperty("late").GetInt32());
        Assert.Equal(0, party.GetProperty("overdue").GetInt32());
        Assert.Equal(0, party.GetProperty("unmatched").GetInt32());
        Assert.Equal(party.GetProperty("owed").GetInt32(), party.GetProperty("on_time").GetInt32());
        Assert.Empty(party.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task Deadlines_OneDocumentMissing_ExitsOneNamingItOverdue()
    {
        var documents = await SentIn2011Async();
        var missing = Moved0450(documents);
        documents.Remove(missing);

        var (run, party) = await DeadlinesAsync(documents);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, party.GetProperty("overdue").GetInt32());
        var finding = Assert.Single(party.GetProperty("findings").EnumerateArray());
        Assert.Equal("overdue", finding.GetProperty("state").GetString());
        Assert.Equal("change-in-data", finding.GetProperty("type").GetString());
        Assert.Equal("US-ICBM-MM3-0450:moved", finding.GetProperty("subject").GetString());
        Assert.Equal((string)missing["triggered"]!, finding.GetProperty("triggered").GetString());
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("sent").ValueKind);
    }

    [Fact]
    public async Task Deadlines_OneDocumentSentPastItsDeadline_ExitsOneNamingItLate()
    {
        var documents = await SentIn2011Async();
        var late = Moved0450(documents);
        late["sent"] = "2011-02-13T09:00"; // moved on 2011-02-07: due 2011-02-12

        var (run, party) = await DeadlinesAsync(documents);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, party.GetProperty("late").GetInt32());
        var finding = Assert.Single(party.GetProperty("findings").EnumerateArray());
        Assert.Equal("late", finding.GetProperty("state").GetString());
        Assert.Equal("US-ICBM-MM3-0450:moved", finding.GetProperty("subject").GetString());
        Assert.Equal("2011-02-12", finding.GetProperty("due").GetString());
        Assert.Equal("2011-02-13 09:00", finding.GetProperty("sent").GetString());
    }

    [Fact]
    public async Task Deadlines_DocumentAboutAnItemNeverDeclared_ExitsTwoNamingIt()
    {
        var documents = await SentIn2011Async();
        var ghost = Moved0450(documents).DeepClone().AsObject();
        ghost["number"] = "US-999999";
        ghost["subject"] = "US-ICBM-GHOST-1";
        ghost["fields"]!["uid"] = "US-ICBM-GHOST-1";
        documents.Add(ghost);

        var (run, _) = await DeadlinesAsync(documents);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"[{documents.Count - 1}].fields.uid: item 'US-ICBM-GHOST-1' was never declared by US", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_DocumentAboutNothingOwed_ExitsOneNamingItUnmatched()
    {
        var documents = await SentIn2011Async();
        var stray = Moved0450(documents).DeepClone().AsObject();
        stray["number"] = "US-999998";
        stray["triggered"] = "2011-03-15";

        var (run, party) = await DeadlinesAsync([.. documents, stray]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, party.GetProperty("unmatched").GetInt32());
        var finding = Assert.Single(party.GetProperty("findings").EnumerateArray());
        Assert.Equal("unmatched", finding.GetProperty("state").GetString());
        Assert.Equal("US-999998", finding.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Deadlines_HonestRecordAtTheLastDayInForce_ExitsZero()
    {
        var run = await RunAsync("deadlines", "--at", "2026-02-04", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        foreach (var party in json.RootElement.GetProperty("parties").EnumerateArray())
        {
            Assert.True(party.GetProperty("owed").GetInt32() > 0);
            Assert.Equal(party.GetProperty("owed").GetInt32(), party.GetProperty("treaty_years").EnumerateArray().Sum(y => y.GetProperty("owed").GetInt32()));
            Assert.Equal(0, party.GetProperty("late").GetInt32() + party.GetProperty("overdue").GetInt32() + party.GetProperty("unmatched").GetInt32());
        }
    }
}
