using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

public class ForcesCommandTests
{
    private static readonly string Estimates = Vector("forces", "estimates.csv");

    private static async Task<JsonElement> JsonAsync(params string[] args)
    {
        var run = await RunAsync(["forces", "--estimates", Estimates, "--json", .. args]);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Forces_At80Columns_NoLineLongerAndEveryPickedDateWhole()
    {
        var text = await RunAtWidthAsync(80, "forces", "--at", "2026-06-01", "--all-sources");
        var json = await RunAsync("forces", "--at", "2026-06-01", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.All(text.Out.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        using var document = JsonDocument.Parse(json.Out);
        var picked = document.RootElement.GetProperty("figures").EnumerateArray()
            .Where(f => f.TryGetProperty("as_of", out var asOf) && asOf.ValueKind == JsonValueKind.String)
            .Select(f => f.GetProperty("as_of").GetString()!)
            .ToList();
        Assert.NotEmpty(picked);
        Assert.All(picked, date => Assert.Contains(date, text.Out, StringComparison.Ordinal));
        Assert.Contains("each source's full address: verity forces --json", string.Join(' ', text.Out.Split('\n').Select(l => l.Trim())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forces_Json_HasTheDocumentedShape()
    {
        var root = await JsonAsync("--at", "2025-06-01", "--state", "US");

        Assert.Equal(["at", "estimates", "figures"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-06-01", root.GetProperty("at").GetString());
        Assert.Equal(Estimates, root.GetProperty("estimates").GetString());
        var figure = Assert.Single(root.GetProperty("figures").EnumerateArray());
        foreach (var field in new[] { "state", "measure", "value", "low", "high", "basis", "as_of", "source", "rule", "passed_over" })
        {
            Assert.True(figure.TryGetProperty(field, out _), field);
        }

        Assert.Equal(("US", "stockpile", 3708L, "estimate", "2025-01-13", "fas"), (
            figure.GetProperty("state").GetString(), figure.GetProperty("measure").GetString(), figure.GetProperty("value").GetInt64(),
            figure.GetProperty("basis").GetString(), figure.GetProperty("as_of").GetString(), figure.GetProperty("rule").GetString()));
        var passed = figure.GetProperty("passed_over").EnumerateArray().Select(p => (p.GetProperty("value").GetInt64(), p.GetProperty("rule").GetString(), p.GetProperty("reason").GetString())).ToList();
        Assert.Equal([(3700L, "sipri", "outranked"), (3748L, "declared", "older"), (3700L, "fas", "older")], passed);
    }

    [Fact]
    public async Task Forces_Undisclosed_IsNullNotZeroAndSaidInTheTable()
    {
        var root = await JsonAsync("--at", "2026-06-01", "--state", "FR");
        var run = await RunAsync("forces", "--estimates", Estimates, "--at", "2026-06-01", "--state", "FR");

        var figure = Assert.Single(root.GetProperty("figures").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, figure.GetProperty("value").ValueKind);
        Assert.Equal("undisclosed", figure.GetProperty("basis").GetString());
        Assert.Equal(0, run.ExitCode);
        var row = run.Out.Split('\n').First(l => l.Contains("│ FR", StringComparison.Ordinal));
        Assert.Contains("│ undisclosed │ undisclosed │ 2026-03-02", row, StringComparison.Ordinal);
        Assert.DoesNotContain("│ 0 ", row, StringComparison.Ordinal);
        Assert.Contains("older than the vintage of 2026-03-02", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forces_AllSources_AddsTheRowsAfterTheDate()
    {
        var some = await JsonAsync("--at", "2027-01-01", "--state", "CN");
        var all = await JsonAsync("--at", "2027-01-01", "--state", "CN", "--all-sources");

        int Count(JsonElement r) => r.GetProperty("figures")[0].GetProperty("passed_over").GetArrayLength();

        Assert.Equal((1, 2), (Count(some), Count(all)));
        Assert.Contains(all.GetProperty("figures")[0].GetProperty("passed_over").EnumerateArray(), p => p.GetProperty("reason").GetString() == "after-date" && p.GetProperty("basis").GetString() == "official-projection");
    }

    [Fact]
    public async Task Forces_Table_LabelsEachRowsBasis()
    {
        var declared = await RunAsync("forces", "--estimates", Estimates, "--at", "2024-06-01");
        var estimated = await RunAsync("forces", "--estimates", Estimates, "--at", "2025-06-01");

        Assert.Equal((0, 0), (declared.ExitCode, estimated.ExitCode));
        Assert.Contains(["US", "stockpile", "3,748", "declared", "2023-09-30", "declared", "https://www.energy.gov/stockpile-2023", "1"], Rows(declared.Out));
        Assert.Contains(["FR", "stockpile", "unknown", "no figure as of this date", "—", "—", "—", "0"], Rows(declared.Out));
        Assert.Contains(["FR", "stockpile", "290", "estimated", "2025-01-01", "fas", "https://fas.org/publication/nuclear-notebook-france-2025", "0"], Rows(estimated.Out));
        Assert.Contains(Rows(estimated.Out), r => r.Take(6).SequenceEqual(["US", "stockpile", "3,700", "estimated", "2025-01-01", "sipri"]) && r[^1].StartsWith("rule sipri ranks below fas", StringComparison.Ordinal));
    }

    /// <summary>The cells of every table row, trimmed.</summary>
    private static List<string[]> Rows(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith('│')).Select(l => l.Trim().Trim('│').Split('│').Select(c => c.Trim()).ToArray())];

    [Fact]
    public async Task Forces_MeasureFilter_ShowsOnlyThatMeasure()
    {
        var root = await JsonAsync("--at", "2025-06-01", "--measure", "retired");

        Assert.Equal(0, root.GetProperty("figures").GetArrayLength());
    }

    [Fact]
    public async Task Forces_BadEstimates_ExitsTwoNamingFileLineAndField()
    {
        var bad = Vector("forces", "bad-estimates.csv");

        var run = await RunAsync("forces", "--estimates", bad);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith($"{bad}:3:1: state: 'ZZ' is not an assigned ISO 3166-1 alpha-2 code", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--state", "UK", "--state: 'UK' is not an assigned ISO 3166-1 alpha-2 code")]
    [InlineData("--measure", "warheads", "--measure: unknown measure 'warheads'")]
    [InlineData("--at", "2025-02-30", "--at: '2025-02-30' is not a date")]
    public async Task Forces_BadOption_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        var run = await RunAsync("forces", "--estimates", Estimates, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forces_MissingFile_ExitsTwoNamingIt()
    {
        var run = await RunAsync("forces", "--estimates", "no-such.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("no-such.csv: cannot read the file given to --estimates: no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forces_WithoutEstimatesOption_ReadsTheBundledFileOrSaysItIsMissing()
    {
        var data = Directory.CreateTempSubdirectory("verity-forces-");
        try
        {
            Directory.CreateDirectory(Path.Combine(data.FullName, "forces"));
            File.Copy(Path.Combine(DataDirectory, "forces", "precedence.yaml"), Path.Combine(data.FullName, "forces", "precedence.yaml"));

            var missing = await RunInAsync(data.FullName, "forces");
            File.Copy(Estimates, Path.Combine(data.FullName, "forces", "estimates.csv"));
            var bundled = await RunInAsync(data.FullName, "forces", "--at", "2025-06-01", "--json");

            Assert.Equal(2, missing.ExitCode);
            Assert.StartsWith("--estimates: no bundled estimates at", missing.Error, StringComparison.Ordinal);
            Assert.Equal(0, bundled.ExitCode);
            Assert.Contains("\"value\": 3708", bundled.Out, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
