using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary><c>verity inspect quota</c> and <c>verity inspect decide</c> over New START's public record of inspections.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private const string Header = "from,to,parties,type,count,basis,source,note";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "verity-inspect-" + Guid.NewGuid().ToString("N"));

    public InspectCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<JsonElement> CurrentYearAsync(string party, string at)
    {
        var run = await RunAsync("inspect", "quota", "--party", party, "--at", at, "--json");
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("parties")[0].GetProperty("years").EnumerateArray().Last().Clone();
    }

    private string Record(params string[] rows)
    {
        var path = Path.Combine(_directory, "record.csv");
        File.WriteAllText(path, string.Join('\n', [Header, .. rows]) + "\n");
        return path;
    }

    [Theory]
    [InlineData("US", "2020-03-28", 10, "open", 2, 16, null)]           // 2 each since 2020-02-05, before the pause
    [InlineData("RU", "2012-02-04", 1, "exhausted", 18, 0, null)]       // 18 each in the first treaty year
    [InlineData("RU", "2020-06-01", 10, "paused", 2, 16, "2020-03-29")]
    [InlineData("US", "2022-09-01", 12, "exempted", 0, 18, "2022-08-08")]
    [InlineData("US", "2023-06-01", 13, "suspended", 0, 18, "2023-02-28")]
    [InlineData("RU", "2023-06-01", 13, "suspended", 0, 18, "2023-02-28")]
    public async Task Quota_EachState_IsTheYearsTotalWithItsCause(string party, string at, int year, string state, int used, int left, string? since)
    {
        var current = await CurrentYearAsync(party, at);

        Assert.Equal((year, state, used, left, 18), (current.GetProperty("year").GetInt32(), current.GetProperty("state").GetString(), current.GetProperty("used").GetInt32(), current.GetProperty("left").GetInt32(), current.GetProperty("quota").GetInt32()));
        Assert.Equal(since, current.GetProperty("since").GetString());
        if (since is not null)
        {
            Assert.StartsWith("https://", current.GetProperty("cause").GetProperty("source").GetProperty("url").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Quota_YearsWithNoPublishedCount_AreNullNotZero()
    {
        var run = await RunAsync("inspect", "quota", "--party", "US", "--at", "2019-01-01", "--json");

        var years = JsonDocument.Parse(run.Out).RootElement.GetProperty("parties")[0].GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(8, years.Count);
        Assert.All(years.Skip(1), y => Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "not-published"), (y.GetProperty("used").ValueKind, y.GetProperty("left").ValueKind, y.GetProperty("used_basis").GetString())));
        var first = years[0].GetProperty("types").EnumerateArray().Select(t => (t.GetProperty("type").GetString(), t.GetProperty("used").GetInt32(), t.GetProperty("used_basis").GetString())).ToList();
        Assert.Equal([("type-one", 10, "derived"), ("type-two", 8, "derived")], first);
    }

    [Fact]
    public async Task Quota_Table_ShowsUseQuotaAndTheRecordWithItsSources()
    {
        var run = await RunAsync("inspect", "quota", "--at", "2020-06-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("10d/10", run.Out, StringComparison.Ordinal);
        Assert.Contains("n.p./18", run.Out, StringComparison.Ordinal);
        Assert.Contains("paused since 2020-03-29", run.Out, StringComparison.Ordinal);
        Assert.Contains("https://tass.com/world/1137135", run.Out, StringComparison.Ordinal);
        Assert.Contains("https://www.airandspaceforces.com/newstartplusoneandcounting/", run.Out, StringComparison.Ordinal);
        Assert.Contains("252 for US and RU from 2011-02-05 to 2018-02-04 against the full quota of 252 over treaty years 1 to 7", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quota_TableAt80Columns_KeepsEveryLineWithinTheWidth()
    {
        var run = await RunAtWidthAsync(80, "inspect", "quota", "--at", "2023-06-01");

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
    }

    [Fact]
    public async Task Quota_RecordGivenBeyondTheQuota_ExitsOneNamingIt()
    {
        var record = Record("2015-02-05,2016-02-04,US,type-two,9,published,https://a.org/x,");

        var run = await RunAsync("inspect", "quota", "--party", "US", "--at", "2016-03-01", "--record", record);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("beyond the quota: 9 type-two in treaty year 5, against 8", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--at", "2020-13-01")]
    [InlineData("--at", "2011-01-01")]
    [InlineData("--party", "CN")]
    [InlineData("--party", "us")]
    [InlineData("--treaty", "sort")]
    [InlineData("--record", "/no/such/file.csv")]
    public async Task Quota_BadOption_ExitsTwoNamingIt(string option, string value)
    {
        var run = await RunAsync("inspect", "quota", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains(option == "--record" ? value : option + ":", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quota_MalformedRecord_ExitsTwoNamingFileLineAndField()
    {
        var record = Record(
            "2011-02-05,2012-02-04,US,,18,published,https://a.org/x,",
            "2012-02-05,2013-02-04,US,type-three,3,published,https://a.org/x,",
            "2013-02-05,2014-02-04,US,,,published,https://a.org/x,");

        var run = await RunAsync("inspect", "quota", "--record", record);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{record}:3:4: type: unknown inspection type 'type-three'", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{record}:4:5: count: a published row needs a count", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US", "RU", "type-one", "2012-02-04", 1, "refused", "the type-one quota of US is used up: 10 of 10 in treaty year 1")]
    [InlineData("US", "RU", "type-one", "2020-06-01", 1, "refused", "US may not inspect RU: inspections paused by agreement of all parties on 2020-03-29")]
    [InlineData("US", "RU", "type-two", "2022-09-01", 1, "refused", "US may not inspect RU: RU exempted its facilities from inspection on 2022-08-08")]
    [InlineData("RU", "US", "type-two", "2023-06-01", 1, "refused", "RU may not inspect US: RU suspended its participation on 2023-02-28")]
    [InlineData("RU", "US", "type-two", "2016-06-01", 1, "undetermined", "are not known (not published)")]
    public async Task Decide_OnThePublicRecord_SaysWhyNot(string by, string of, string type, string at, int exit, string outcome, string reason)
    {
        var run = await RunAsync("inspect", "decide", "--by", by, "--of", of, "--type", type, "--at", at, "--json");

        Assert.Equal(exit, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(outcome, json.GetProperty("outcome").GetString());
        Assert.Contains(reason, json.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WithinAQuotaOfARecordGiven_IsAllowed()
    {
        var record = Record("2015-02-05,2015-12-31,US,type-one,4,published,https://a.org/x,");

        var run = await RunAsync("inspect", "decide", "--by", "US", "--of", "RU", "--type", "type-one", "--at", "2015-12-31", "--record", record);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("allowed: type-one inspection by US of RU on 2015-12-31", run.Out, StringComparison.Ordinal);
        Assert.Contains("4 of 10 used in treaty year 5 (2015-02-05 to 2016-02-04), 5 left after this one", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--by", "XX", "--of", "RU", "--type", "type-one")]
    [InlineData("--by", "US", "--of", "US", "--type", "type-one")]
    [InlineData("--by", "US", "--of", "RU", "--type", "type-three")]
    public async Task Decide_BadOption_ExitsTwoNamingIt(params string[] args)
    {
        var run = await RunAsync(["inspect", "decide", .. args]);

        Assert.Equal(2, run.ExitCode);
        var named = args[0] == "--by" && args[1] == "XX" ? "--by:" : args[5] == "type-three" ? "--type:" : "--of:";
        Assert.StartsWith(named, run.Error, StringComparison.Ordinal);
    }
}
