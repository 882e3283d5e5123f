using System.Text.Json;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary>The worked examples of docs/successor.md, run: the docs say what the code does.</summary>
public class SuccessorDocsTests
{
    private static readonly Lazy<string> Docs = new(() => DocsText.Read("successor.md"));

    private static string Block(string language, string after) => DocsText.Block(Docs.Value, language, after);

    [Theory]
    [InlineData("2024-06-01", 3748L, "declared", "declared")]
    [InlineData("2025-06-01", 3708L, "estimate", "fas")]
    [InlineData("2026-06-01", null, "undisclosed", "undisclosed")]
    public async Task WorkedExample_Precedence_GivesTheFiguresTheDocsSay(string at, long? value, string basis, string rule)
    {
        var file = Path.Combine(Path.GetTempPath(), $"verity-successor-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Block("csv", "### A worked example"));
        try
        {
            var run = await RunAsync("forces", "--estimates", file, "--at", at, "--json");

            using var json = JsonDocument.Parse(run.Out);
            var figure = Assert.Single(json.RootElement.GetProperty("figures").EnumerateArray());
            Assert.Equal(value, figure.GetProperty("value").ValueKind == JsonValueKind.Null ? null : figure.GetProperty("value").GetInt64());
            Assert.Equal((basis, rule), (figure.GetProperty("basis").GetString(), figure.GetProperty("rule").GetString()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task WorkedExample_ComplyForces_PrintsTheLinesTheDocsShow()
    {
        var shown = Block("console", "### A worked example: New START").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var run = await RunAsync(shown[0].TrimStart('$', ' ').Split(' ')[1..]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(shown[1..], run.Out.Split('\n').Take(shown.Length - 1).Select(l => l.TrimEnd()));
    }
}
