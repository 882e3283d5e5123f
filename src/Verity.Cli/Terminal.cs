using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Verity.Cli;

/// <summary>
/// How the CLI fits what it prints to the reader's terminal, in one place: the width (<c>COLUMNS</c>, else the
/// terminal's, else <see cref="PipeWidth"/> for a pipe or file), tables that fit it, bullets with a hanging indent, the
/// line that ends a cut list, and one line for a problem repeated on many rows.
/// </summary>
/// <remarks>
/// A table's columns are of two sorts: <see cref="Text"/> columns wrap between words; every other column (a date, a
/// status, a number, a code) never wraps. When a table cannot fit with its borders, it is drawn without them; Spectre
/// then narrows only the text columns, so a date or a status is never split.
/// </remarks>
internal static class Terminal
{
    /// <summary>The width of output that goes to a pipe or a file: wide, so that programs and files see whole lines.</summary>
    public const int PipeWidth = 240;

    /// <summary>The narrowest width honoured; below it, tables could not keep a date and a status whole.</summary>
    public const int MinimumWidth = 40;

    /// <summary>The width from <c>COLUMNS</c>, if it holds a whole number of at least <see cref="MinimumWidth"/>.</summary>
    public static int? WidthFrom(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width >= MinimumWidth ? width : null;

    /// <summary>Sets the console's width: <c>COLUMNS</c> when set, else <see cref="PipeWidth"/> when output is redirected, else the terminal's own.</summary>
    public static void Configure(IAnsiConsole console, bool redirected, string? columns)
    {
        if (WidthFrom(columns) is { } width)
        {
            console.Profile.Width = width;
        }
        else if (redirected)
        {
            console.Profile.Width = PipeWidth;
        }
    }

    /// <summary>A table in the CLI's style (rounded borders), optionally titled (the title is markup).</summary>
    public static Table Table(string? title = null)
    {
        var table = new Table().Border(TableBorder.Rounded);
        return title is null ? table : table.Title(title);
    }

    /// <summary>A column whose cells never wrap: dates, statuses, numbers, codes (the header is markup).</summary>
    public static TableColumn Fixed(string header, bool right = false)
    {
        var column = new TableColumn(header).NoWrap();
        return right ? column.RightAligned() : column;
    }

    /// <summary>A column of prose, the one that wraps (between words) when the table is too wide.</summary>
    public static TableColumn Text(string header) => new(header);

    /// <summary>Writes <paramref name="table"/> so that it fits the console: without borders if it cannot fit with them.</summary>
    public static void Write(CliContext context, Table table)
    {
        var console = context.Out;
        if (Needed(console, table) > console.Profile.Width)
        {
            table.Border(TableBorder.None);
        }

        console.Write(table);
    }

    /// <summary>Writes <paramref name="wide"/> when it fits the console's width, else <paramref name="narrow"/> (the same
    /// rows, with fewer columns); whether the wide one was written.</summary>
    public static bool Write(CliContext context, Table wide, Table narrow)
    {
        var fits = Fits(context, wide);
        Write(context, fits ? wide : narrow);
        return fits;
    }

    /// <summary>Whether <paramref name="table"/> fits the console's width without cutting a column's words.</summary>
    public static bool Fits(CliContext context, Table table) => Needed(context.Out, table) <= context.Out.Profile.Width;

    /// <summary>A source's host ("fas.org"), for tables that cannot hold its whole address; the text itself when it is no address.</summary>
    public static string Host(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) ? uri.Host.Replace("www.", string.Empty, StringComparison.Ordinal) : source;

    /// <summary>A bullet (<c>•</c>) whose wrapped lines are indented under its first word; the values are escaped, as in <c>MarkupLineInterpolated</c>.</summary>
    public static void Bullet(CliContext context, FormattableString markup) => Indented(context, "•", Markup.FromInterpolated(System.Globalization.CultureInfo.InvariantCulture, markup));

    /// <summary>A line of markup indented by two spaces, its wrapped lines likewise.</summary>
    public static void Note(CliContext context, string markup) => Indented(context, " ", new Markup(markup));

    /// <summary>The line that ends a list cut at <paramref name="shown"/> of <paramref name="total"/> rows: how many more, and how to see them.</summary>
    public static void More(CliContext context, int shown, int total, string how)
    {
        if (total > shown)
        {
            Note(context, $"[grey]… {total - shown:N0} more; {Markup.Escape(how)}[/]");
        }
    }

    /// <summary>
    /// Problems, each said once: the first of those that differ only by line is printed with how many more lines
    /// have it, so a column wrong on a thousand rows is one line, not a thousand.
    /// </summary>
    public static IEnumerable<string> Once(IEnumerable<Core.Diagnostic> diagnostics)
    {
        foreach (var group in diagnostics.GroupBy(d => (d.Source, d.Path, d.Message)))
        {
            var first = group.First();
            var others = group.Skip(1).Where(d => d.Line > 0).Select(d => d.Line).ToList();
            yield return others.Count == 0
                ? first.ToString()
                : $"{first} (and on {others.Count:N0} more line{(others.Count == 1 ? string.Empty : "s")}: {string.Join(", ", others.Take(5).Select(l => l.ToString(CultureInfo.InvariantCulture)))}{(others.Count > 5 ? ", …" : string.Empty)})";
        }
    }

    private static void Indented(CliContext context, string mark, Markup text)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn { NoWrap = true, Padding = new Padding(0, 0, 1, 0) });
        grid.AddColumn(new GridColumn { Padding = new Padding(0) });
        grid.AddRow(new Markup(mark), text);
        context.Out.Write(grid);
    }

    /// <summary>What Spectre needs at least: each column its widest word (or whole cell, if it never wraps), padding, borders.</summary>
    private static int Needed(IAnsiConsole console, Table table)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var width = console.Profile.Width;
        var columns = table.Columns.Count;
        var total = 0;
        for (var i = 0; i < columns; i++)
        {
            var column = table.Columns[i];
            var cells = table.Rows.Select(r => r[i]).Prepend(column.Header);
            var widest = cells.Max(c => column.NoWrap ? c.Measure(options, int.MaxValue / 2).Max : c.Measure(options, width).Min);
            total += widest + (column.Padding?.Left ?? 1) + (column.Padding?.Right ?? 1);
        }

        return table.Border.Visible ? total + columns + 1 : total;
    }
}
