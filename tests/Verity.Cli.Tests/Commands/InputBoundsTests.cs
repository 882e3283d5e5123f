using System.Text;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary>
/// Input past Verity's bounds — a date outside the supported dates, a timeline of too many dates, a YAML file too deep,
/// an alias bomb, a second document, bytes that are not UTF-8, a number beyond its field's range, text after the JSON —
/// is exit 2 with a message naming the option or the file, line and field, and nothing on standard output.
/// </summary>
public sealed class InputBoundsTests : IDisposable
{
    private const string Clearance = """
        [{ "type": "inspection-airplane-clearance", "party": "US", "number": "US-1", "sent": "2011-02-10T12:00",
           "subject": "entry-into-force", "triggered": "2011-02-05", "fields": { "clearance": "X", "year": YEAR } }]
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "verity-bounds-" + Guid.NewGuid().ToString("N"));

    public InputBoundsTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--at", "deadlines", "--at", "9999-12-31")]
    [InlineData("--at", "reconcile", "--at", "9999-12-31")]
    [InlineData("--to", "notify", "--to", "9999-12-31")]
    [InlineData("--at", "exchange", "--at", "9999-12-31")]
    [InlineData("--at", "forces", "--at", "9999-12-31")]
    [InlineData("--at", "comply", "--treaty", "new-start", "--inventory", "INVENTORY", "--at", "9999-12-31")]
    [InlineData("--from", "comply", "--treaty", "new-start", "--inventory", "INVENTORY", "--from", "0001-01-01", "--to", "9999-12-31", "--every", "P1D")]
    public async Task Verb_DateOutsideTheSupportedDates_ExitsTwoNamingTheOption(string option, params string[] args)
    {
        var run = await RunAsync([.. args.Select(a => a == "INVENTORY" ? Vector("inventories", "within.csv") : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith($"{option}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("is outside the supported dates, 1900-01-01 to 2200-12-31", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comply_EveryDayOfTheSupportedDates_ExitsTwoNamingEvery()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Vector("inventories", "within.csv"), "--from", "1900-01-01", "--to", "2200-12-31", "--every", "P1D");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal("--every: every P1D from 1900-01-01 to 2200-12-31 gives more than 10,000 dates: give a longer step or a shorter range", run.Error.Trim());
    }

    [Theory]
    [InlineData("PT24H", "the step PT24H does not advance the date by a day or more")]
    [InlineData("P99999Y", "P99999Y is longer than the supported dates span (1900-01-01 to 2200-12-31)")]
    public async Task Comply_StepThatCannotBeTaken_ExitsTwoNamingEvery(string every, string expected)
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Vector("inventories", "within.csv"), "--from", "2011-01-01", "--to", "2012-01-01", "--every", every);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"--every: {expected}", run.Error.Trim());
    }

    [Fact]
    public async Task Deadlines_LastSupportedDate_Answers()
    {
        var run = await RunAsync("deadlines", "--party", "US", "--at", "2200-12-31", "--json");

        Assert.NotEqual(2, run.ExitCode);
        Assert.Contains("\"party\": \"US\"", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notify", "--party", "US", "--to", "2011-12-31")]
    [InlineData("deadlines", "--party", "US", "--at", "2011-12-31")]
    [InlineData("reconcile", "--party", "US", "--at", "2011-12-31")]
    public async Task Sent_HugeNumberInAField_ExitsTwoNamingFileAndField(params string[] args)
    {
        var sent = Write("sent.json", Clearance.Replace("YEAR", "99999999999999999999999", StringComparison.Ordinal));

        var run = await RunAsync([.. args, "--sent", sent]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal($"{sent}:2:122: [0].fields.year: expected a whole number from 0 to 9,007,199,254,740,991, found 99999999999999999999999", run.Error.Trim());
    }

    [Fact]
    public async Task Sent_TextAfterTheArray_ExitsTwoNamingTheFile()
    {
        var sent = Write("sent.json", Clearance.Replace("YEAR", "2011", StringComparison.Ordinal) + "\n[]\n");

        var run = await RunAsync("notify", "--party", "US", "--to", "2011-12-31", "--sent", sent);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith($"{sent}:2:108: not valid JSON: text after the array of notification documents", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TreatyCheck_NestedTwentyThousandLevels_ExitsTwoNamingFileAndLine()
    {
        var path = Write("deep.yaml", "id: deep\nname: " + new string('[', 20_000) + new string(']', 20_000) + "\n");

        var run = await RunAsync("treaty", "check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{path}:2:70: nested deeper than 64 levels of mappings and sequences", run.Error.Trim());
    }

    [Fact]
    public async Task TreatyCheck_BillionLaughs_ExitsTwoNamingTheAlias()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x]" };
        for (var level = 1; level < 12; level++)
        {
            var (previous, next) = ((char)('a' + level - 1), (char)('a' + level));
            lines.Add($"{next}: &{next} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]");
        }

        var path = Write("bomb.yaml", string.Join('\n', lines) + "\n");

        var run = await RunAsync("treaty", "check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{path}:6:", run.Error, StringComparison.Ordinal);
        Assert.Contains("more than 200,000 nodes with every alias expanded", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TreatyCheck_SecondDocument_ExitsTwoNamingItsLine()
    {
        var sort = File.ReadAllText(Path.Combine(DataDirectory, "treaties", "sort.yaml"));
        var path = Write("two.yaml", sort + "---\nid: other\n");

        var run = await RunAsync("treaty", "check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith($"{path}:{sort.Count(c => c == '\n') + 1}:1: a second YAML document", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TreatyCheck_InvalidUtf8_ExitsTwoNamingByteOffsetAndLine()
    {
        var sort = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(DataDirectory, "treaties", "sort.yaml")));
        var at = Array.IndexOf(sort, (byte)'\n') + 1; // the start of the second line
        var path = Path.Combine(_directory, "latin1.yaml");
        File.WriteAllBytes(path, [.. sort[..at], 0xE9, .. sort[at..]]); // "é" in Latin-1

        var run = await RunAsync("treaty", "check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{path}:2:1: not UTF-8 text: byte 0xE9 at byte offset {at} is not part of any UTF-8 character", run.Error.Trim());
    }

    [Fact]
    public async Task Comply_InventoryNotUtf8_ExitsTwoNamingTheByte()
    {
        var csv = File.ReadAllBytes(Vector("inventories", "within.csv"));
        var path = Path.Combine(_directory, "inventory.csv");
        File.WriteAllBytes(path, [.. csv, 0xFF, (byte)'\n']);

        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", path, "--at", "2019-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"not UTF-8 text: byte 0xFF at byte offset {csv.Length}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_LimitExamples_AreWhatTheCommandsPrint()
    {
        var notifications = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "docs", "notifications.md"));
        var treaties = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "docs", "treaties.md"));
        var newStart = File.ReadAllText(Path.Combine(DataDirectory, "treaties", "new-start.yaml"));
        var sort = File.ReadAllText(Path.Combine(DataDirectory, "treaties", "sort.yaml"));

        var huge = await RunAsync("notify", "--party", "US", "--to", "2011-12-31", "--sent", Write("sent.json", Clearance.Replace("YEAR", "99999999999999999999999", StringComparison.Ordinal)));
        var after = await RunAsync("notify", "--party", "US", "--to", "2011-12-31", "--sent", Write("sent.json", Clearance.Replace("YEAR", "2011", StringComparison.Ordinal) + " []"));
        var late = await RunAsync("treaty", "check", Write("broken.yaml", newStart.Replace("entry_into_force: 2011-02-05", "entry_into_force: 9999-02-05", StringComparison.Ordinal)));
        var second = await RunAsync("treaty", "check", Write("broken.yaml", sort + "---\nid: other\n"));

        Assert.Contains(huge.Error.Trim().Replace(_directory + "/", string.Empty, StringComparison.Ordinal), notifications, StringComparison.Ordinal);
        Assert.Contains(after.Error.Trim().Replace(_directory + "/", string.Empty, StringComparison.Ordinal), notifications, StringComparison.Ordinal);
        Assert.Contains(late.Error.Trim().Replace(_directory, "data/treaties", StringComparison.Ordinal), treaties, StringComparison.Ordinal);
        Assert.Contains(second.Error.Trim().Replace(_directory, "data/treaties", StringComparison.Ordinal), treaties, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
