using Spectre.Console;
using Verity.Core;

namespace Verity.Cli.Tests;

public sealed class TerminalTests
{
    [Theory]
    [InlineData("80", false, 80)]   // COLUMNS wins over a pipe
    [InlineData("132", true, 132)]
    [InlineData(null, true, Terminal.PipeWidth)]
    [InlineData("wide", true, Terminal.PipeWidth)] // not a number: ignored
    [InlineData("12", true, Terminal.PipeWidth)]   // narrower than a date and a status: ignored
    public void Configure_ColumnsThenPipe_SetsTheWidth(string? columns, bool redirected, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        console.Profile.Width = 100;

        Terminal.Configure(console, redirected, columns);

        Assert.Equal(width, console.Profile.Width);
    }

    [Fact]
    public void Configure_TerminalWithoutColumns_KeepsItsOwnWidth()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        console.Profile.Width = 100;

        Terminal.Configure(console, redirected: false, columns: null);

        Assert.Equal(100, console.Profile.Width);
    }

    [Fact]
    public void Write_TooWideForBorders_DrawsWithoutThemAndKeepsFixedCellsWhole()
    {
        using var output = new StringWriter();
        var context = CliHarness.Context(40, output, TextWriter.Null);
        var table = Terminal.Table();
        table.AddColumns(Terminal.Fixed("Date"), Terminal.Fixed("Status"), Terminal.Text("Text"));
        table.AddRow("2018-02-05", "not-yet-in-effect", "Central limits of Article II take effect");

        Terminal.Write(context, table);

        var lines = output.ToString().Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 40, l));
        Assert.DoesNotContain("│", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"2018-02-05 +not-yet-in-effect +Central", output.ToString());
    }

    [Fact]
    public void Write_FitsWithBorders_KeepsThem()
    {
        using var output = new StringWriter();
        var context = CliHarness.Context(80, output, TextWriter.Null);
        var table = Terminal.Table();
        table.AddColumns(Terminal.Fixed("Date"), Terminal.Text("Text"));
        table.AddRow("2018-02-05", "limits take effect");

        Terminal.Write(context, table);

        Assert.Contains("│ 2018-02-05 │ limits take effect │", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Once_SameProblemOnManyLines_OneLineWithTheCount()
    {
        var diagnostics = Enumerable.Range(2, 8).Select(line => new Diagnostic("inv.csv", line, 3, "kind", "unknown kind 'cruise'"))
            .Append(new Diagnostic("inv.csv", 9, 5, "status", "unknown status 'lost'"));

        var lines = Terminal.Once(diagnostics).ToList();

        Assert.Equal(["inv.csv:2:3: kind: unknown kind 'cruise' (and on 7 more lines: 3, 4, 5, 6, 7, …)", "inv.csv:9:5: status: unknown status 'lost'"], lines);
    }

    [Fact]
    public void CheckoutData_InACheckout_TheCheckoutsData()
    {
        var root = Directory.CreateTempSubdirectory("verity-checkout-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "Verity.slnx"), "<Solution />");
            Directory.CreateDirectory(Path.Combine(root, "data", "treaties"));
            var binary = Directory.CreateDirectory(Path.Combine(root, "src", "Verity.Cli", "bin", "Release", "net10.0")).FullName;
            var installed = Directory.CreateTempSubdirectory("verity-installed-").FullName;

            Assert.Equal(Path.Combine(root, "data"), CliContext.CheckoutData(binary));
            Assert.Null(CliContext.CheckoutData(installed));
            Directory.Delete(installed);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
