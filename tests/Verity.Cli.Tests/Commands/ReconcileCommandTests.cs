using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary>
/// <c>reconcile</c> over the honest record, and <c>reconcile --sent</c> over the United States' notifications of 2011
/// as <c>notify --export</c> writes them, each test changing one thing.
/// </summary>
public sealed class ReconcileCommandTests : IDisposable
{
    private const string At = "2011-12-31";
    private const string Moved0450 = "US-ICBM-MM3-0450:moved";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "verity-reconcile-" + Guid.NewGuid().ToString("N"));

    public ReconcileCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Reconcile_HonestRecordAtTheLastDayInForce_ExitsZeroWithNoFindings()
    {
        var run = await RunAsync("reconcile", "--at", "2026-02-04", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        var parties = json.RootElement.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(["RU", "US"], parties.Select(p => p.GetProperty("party").GetString()).Order(StringComparer.Ordinal));
        Assert.All(parties, p => Assert.Empty(p.GetProperty("findings").EnumerateArray()));
        Assert.All(parties, p => Assert.True(p.GetProperty("databases").GetInt32() >= 24, p.ToString()));
    }

    [Fact]
    public async Task Reconcile_EverythingExportedSent_ExitsZero()
    {
        var documents = await SentIn2011Async();

        var (run, party) = await ReconcileAsync(documents);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(party.GetProperty("findings").EnumerateArray());
        Assert.Equal(2, party.GetProperty("databases").GetInt32());
    }

    [Fact]
    public async Task Reconcile_OneChangeInDataDocumentRemoved_ExitsOneNamingItsUid()
    {
        var documents = await SentIn2011Async();
        var removed = documents.Single(d => (string)d["subject"]! == Moved0450);
        documents.Remove(removed);

        var (run, party) = await ReconcileAsync(documents);

        Assert.Equal(1, run.ExitCode);
        var finding = Assert.Single(party.GetProperty("findings").EnumerateArray());
        Assert.Equal("US-ICBM-MM3-0450", finding.GetProperty("subject").GetString());
        Assert.Equal("database-mismatch", finding.GetProperty("kind").GetString()); // its status change was notified
        Assert.Equal("2011-09-01", finding.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Docs_StatusChangeRemovedExample_IsWhatTheCommandPrints()
    {
        // The missile's withdrawal removed: the move after it carries its new status, which a move cannot give.
        var documents = await SentIn2011Async();
        documents.Remove(documents.Single(d => (string)d["subject"]! == "US-ICBM-MM3-0450:status-changed"));
        var sent = Path.Combine(_directory, "sent.json");
        await File.WriteAllTextAsync(sent, new JsonArray([.. documents]).ToJsonString());
        var docs = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "docs", "notifications.md"))).ReplaceLineEndings("\n");

        var run = await RunAsync("reconcile", "--party", "US", "--at", At, "--sent", sent);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"$ verity reconcile --party US --at {At} --sent sent.json\n", docs, StringComparison.Ordinal);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Contains(line.TrimEnd() + "\n", docs, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconcile_OneDocumentSentTwentyDaysLate_ExitsOneWithALateNotification()
    {
        var documents = await SentIn2011Async();
        var late = documents.Single(d => (string)d["subject"]! == Moved0450);
        var sent = DateTime.ParseExact((string)late["sent"]!, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        late["sent"] = sent.AddDays(20).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var (run, party) = await ReconcileAsync(documents);

        Assert.Equal(1, run.ExitCode);
        var finding = Assert.Single(party.GetProperty("findings").EnumerateArray());
        Assert.Equal("late-notification", finding.GetProperty("kind").GetString());
        Assert.Equal(Moved0450, finding.GetProperty("subject").GetString());
        Assert.Equal($"notification {(string)late["number"]!}", finding.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Reconcile_DocumentAboutAnItemNeverDeclared_ExitsTwoNamingIt()
    {
        var documents = await SentIn2011Async();
        var ghost = documents.Single(d => (string)d["subject"]! == Moved0450).DeepClone().AsObject();
        ghost["number"] = "US-999999";
        ghost["subject"] = "US-ICBM-GHOST-1:moved";
        ghost["fields"]!["uid"] = "US-ICBM-GHOST-1";
        documents.Add(ghost);

        var (run, _) = await ReconcileAsync(documents);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("item 'US-ICBM-GHOST-1' was never declared by US", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX")] // two capital letters, not a party to the treaty
    [InlineData("usa")] // not a party code
    public async Task Reconcile_BadParty_ExitsTwo(string party)
    {
        var run = await RunAsync("reconcile", "--party", party, "--at", At);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(party, run.Error, StringComparison.Ordinal);
    }

    /// <summary>Every notification the United States owed in 2011, each sent on time, as <c>notify --export</c> writes them.</summary>
    private async Task<List<JsonObject>> SentIn2011Async()
    {
        var export = Path.Combine(_directory, "export.json");
        var run = await RunAsync("notify", "--party", "US", "--to", At, "--export", export);
        Assert.Equal(0, run.ExitCode);

        var documents = JsonNode.Parse(await File.ReadAllTextAsync(export))!.AsArray()
            .Select(d => d!.DeepClone().AsObject())
            .ToList();
        Assert.True(documents.Count > 200, $"{documents.Count} documents");
        return documents;
    }

    private async Task<(CliRun Run, JsonElement Party)> ReconcileAsync(List<JsonObject> documents)
    {
        var sent = Path.Combine(_directory, "sent.json");
        await File.WriteAllTextAsync(sent, new JsonArray([.. documents]).ToJsonString());
        var run = await RunAsync("reconcile", "--party", "US", "--at", At, "--sent", sent, "--json");
        var party = run.ExitCode == 2 ? default : JsonDocument.Parse(run.Out).RootElement.GetProperty("parties").EnumerateArray().Single().Clone();
        return (run, party);
    }
}
