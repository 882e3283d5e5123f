using System.Text.RegularExpressions;
using Verity.Cli.Commands;

namespace Verity.Cli.Tests.Commands;

/// <summary>
/// The demo's record part (the replay, what it shows, the exchanges, After New START) as a reader sees it in an
/// 80-column terminal. The network part runs in <c>.ci/run</c>, with <c>COLUMNS=80</c> and the same width check.
/// </summary>
public sealed partial class DemoCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("verity-demo-test-").FullName;

    [Fact]
    public void RecordPart_At80Columns_NoLineLongerNoTokenSplitSaysSynthetic()
    {
        var narrow = Run(80);
        var wide = Run(240);

        var lines = narrow.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= 80, $"{line.TrimEnd().Length} columns: {line}"));
        var words = Tokens(wide).ToHashSet(StringComparer.Ordinal);
        var split = Tokens(narrow).Where(t => !words.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(split.Count == 0, $"pieces at 80 columns that are no word of the wide output (a token split): {string.Join(" | ", split)}");
        Assert.Equal(Dates().Matches(wide).Select(m => m.Value).Order(), Dates().Matches(narrow).Select(m => m.Value).Order());
        foreach (var status in new[] { "not-yet-in-effect", "within", "suspended" })
        {
            Assert.Equal(Regex.Count(wide, $@"(?<![\w-]){status}(?![\w-])"), Regex.Count(narrow, $@"(?<![\w-]){status}(?![\w-])"));
        }

        // Said at the top, and where the match is claimed: the match holds by construction.
        var text = Regex.Replace(narrow, @"\s+", " ");
        Assert.Contains("The item-level history is synthetic: the published aggregates are matched by construction of an item history consistent with them", text, StringComparison.Ordinal);
        Assert.Contains("by construction, as the history was built consistent with them", text, StringComparison.Ordinal);

        // A figure from an outlet that reports FAS's estimates names FAS, then the outlet (2019: a CQ Press reprint).
        Assert.Contains("FAS via library.cqpress.com, estimate, 2019", wide, StringComparison.Ordinal);
        Assert.DoesNotContain("│ library.cqpress.com", wide, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private string Run(int width)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        DemoCommand.RunRecord(CliHarness.Context(width, output, error), _out);
        Assert.Equal(string.Empty, error.ToString());
        return output.ToString();
    }

    /// <summary>The words of the output: what is between spaces and the table's lines.</summary>
    private static string[] Tokens(string text) =>
        text.Split([' ', '\n', '\r', '│', '╭', '╮', '╰', '╯', '─', '┬', '┴', '┼', '├', '┤'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex Dates();
}
