using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

public class NotifyCommandTests
{
    private static readonly string[] States = ["on-time", "late", "overdue", "pending"];

    private static List<JsonElement> Notifications(JsonDocument json) =>
        [.. json.RootElement.GetProperty("notifications").EnumerateArray()];

    [Fact]
    public async Task Notify_At80Columns_NoLineLongerAndNoTypeIdCut()
    {
        var run = await RunAtWidthAsync(80, "notify", "--to", "2011-12-31", "--limit", "400");

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Contains("inspection-airplane-clearance", run.Out, StringComparison.Ordinal);
        Assert.Contains("change-in-data", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_UnknownRecord_Exit2NamingRecord()
    {
        var run = await RunAsync("notify", "--record", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--record: unknown record 'nope': known records are new-start", run.Error.Trim());
    }

    [Theory]
    [InlineData("--from", "2012-01-01", "--to", "2011-01-01", "--from: 2012-01-01 is after --to 2011-01-01")]
    [InlineData("--limit", "-1", "--to", "2011-01-01", "--limit: -1: expected a number of rows, 0 or more")]
    public async Task Notify_OptionsThatSelectNothing_Exit2NamingTheOption(string option, string value, string other, string otherValue, string message)
    {
        var run = await RunAsync("notify", option, value, other, otherValue);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Notify_ExportToAFolderOrUnderAFile_Exit2NamingThePathNothingWritten()
    {
        var folder = Directory.CreateTempSubdirectory("verity-export-").FullName;
        try
        {
            var file = Path.Combine(folder, "a-file");
            await File.WriteAllTextAsync(file, "kept");

            var intoFolder = await RunAsync("notify", "--party", "US", "--to", "2011-03-31", "--export", folder);
            var underFile = await RunAsync("notify", "--party", "US", "--to", "2011-03-31", "--export", Path.Combine(file, "sent.json"));

            Assert.Equal(2, intoFolder.ExitCode);
            Assert.Contains($"{folder}: --export names a folder; give a file to write", intoFolder.Error, StringComparison.Ordinal);
            Assert.Equal(2, underFile.ExitCode);
            Assert.Contains("cannot write the file --export names: a part of its path is a file, not a folder", underFile.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", intoFolder.Error + underFile.Error, StringComparison.Ordinal);
            Assert.Equal(["a-file"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
            Assert.Equal("kept", await File.ReadAllTextAsync(file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Notify_UsFirstQuarter2017Json_ListsObligationsWithTheContractFields()
    {
        var run = await RunAsync("notify", "--party", "US", "--from", "2017-01-01", "--to", "2017-03-31", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("en", json.RootElement.GetProperty("language").GetString());
        var notifications = Notifications(json);
        Assert.NotEmpty(notifications);
        foreach (var n in notifications)
        {
            Assert.Equal("US", n.GetProperty("party").GetString());
            Assert.False(string.IsNullOrEmpty(n.GetProperty("type").GetString()));
            Assert.StartsWith("Part Four", n.GetProperty("reference").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(n.GetProperty("subject").GetString()));
            Assert.InRange(string.CompareOrdinal(n.GetProperty("triggered").GetString(), "2017-01-01"), 0, int.MaxValue);
            Assert.InRange(string.CompareOrdinal(n.GetProperty("triggered").GetString()![..10], "2017-03-31"), int.MinValue, 0);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$", n.GetProperty("due").GetString());
            Assert.Contains(n.GetProperty("state").GetString(), States);
            Assert.False(string.IsNullOrWhiteSpace(n.GetProperty("text").GetString()));
        }

        var update = Assert.Single(notifications, n => n.GetProperty("type").GetString() == "six-month-update");
        Assert.Equal("2017-03-01", update.GetProperty("subject").GetString());
        Assert.Equal("2017-03-31", update.GetProperty("due").GetString());
        Assert.Contains(notifications, n => n.GetProperty("type").GetString() == "change-in-data");
    }

    [Fact]
    public async Task Notify_LangRu_RendersInRussian()
    {
        var run = await RunAsync("notify", "--party", "US", "--from", "2017-01-01", "--to", "2017-03-31", "--type", "change-in-data", "--lang", "ru", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("ru", json.RootElement.GetProperty("language").GetString());
        var notifications = Notifications(json);
        Assert.NotEmpty(notifications);
        Assert.All(notifications, n => Assert.StartsWith("Изменение данных: ", n.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.Contains(notifications, n => n.GetProperty("text").GetString()!.Contains("МБР", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notify_TypeFilter_OnlyThatType()
    {
        var run = await RunAsync("notify", "--party", "RU", "--from", "2012-01-01", "--to", "2012-12-31", "--type", "six-month-update", "--json");

        using var json = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2012-03-01", "2012-09-01"], Notifications(json).Select(n => n.GetProperty("subject").GetString()));
        Assert.All(Notifications(json), n => Assert.Equal("RU", n.GetProperty("party").GetString()));
    }

    [Fact]
    public async Task Notify_Export_WritesTheDocumentProvidedForEachRowListed()
    {
        var export = Path.Combine(Path.GetTempPath(), $"verity-export-{Guid.NewGuid():N}.json");
        try
        {
            var listed = await RunAsync("notify", "--party", "US", "--from", "2011-06-01", "--to", "2011-06-30", "--json");
            var run = await RunAsync("notify", "--party", "US", "--from", "2011-06-01", "--to", "2011-06-30", "--export", export);

            using var json = JsonDocument.Parse(listed.Out);
            using var exported = JsonDocument.Parse(File.ReadAllText(export));

            Assert.Equal(0, run.ExitCode);
            // Rows still pending on --to have no document yet: the plan sends them later.
            var rows = Notifications(json).Where(r => r.GetProperty("number").ValueKind == JsonValueKind.String).ToList();
            Assert.Contains(Notifications(json), r => r.GetProperty("state").GetString() == "pending");
            Assert.NotEmpty(rows);
            Assert.Equal(
                rows.Select(r => (r.GetProperty("number").GetString(), r.GetProperty("type").GetString(), r.GetProperty("subject").GetString())),
                exported.RootElement.EnumerateArray().Select(d => (d.GetProperty("number").GetString(), d.GetProperty("type").GetString(), d.GetProperty("subject").GetString())));
        }
        finally
        {
            File.Delete(export);
        }
    }

    [Theory]
    [InlineData("--lang", "de", "New START's notifications are not rendered in 'de': they are in en (English), ru (Russian), fr (French, translated for Verity)")]
    [InlineData("--type", "change-of-heart", "unknown notification type 'change-of-heart'")]
    [InlineData("--party", "XX", "unknown party 'XX'")]
    [InlineData("--party", "us", "'us' is not a party code")]
    public async Task Notify_BadOption_ExitsTwoNamingIt(string option, string value, string message)
    {
        var run = await RunAsync("notify", option, value, "--to", "2011-06-30");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option}: {message}", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task NotifySchema_ChangeInData_PrintsASchemaThatParses()
    {
        var run = await RunAsync("notify", "schema", "change-in-data");

        using var schema = JsonDocument.Parse(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("http://json-schema.org/draft-07/schema#", schema.RootElement.GetProperty("$schema").GetString());
        var fields = schema.RootElement.GetProperty("properties").GetProperty("fields");
        Assert.Equal(["uid", "kind", "type", "event", "date", "status", "location"], fields.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("icbm", fields.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task NotifySchema_UnknownType_ExitsTwo()
    {
        var run = await RunAsync("notify", "schema", "change-of-heart");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown notification type 'change-of-heart'", run.Error, StringComparison.Ordinal);
    }
}
