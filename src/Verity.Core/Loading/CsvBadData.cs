using CsvHelper;

namespace Verity.Core.Loading;

/// <summary>
/// What every CSV reader does with a malformed field (a stray quote): one diagnostic for the row it is on, quoting the
/// row's start. CsvHelper calls back once per stray quote with the record read so far, so a quote left open at the top
/// of a long file would otherwise give one ever longer message per line after it: quadratic in the file's size.
/// </summary>
internal static class CsvBadData
{
    /// <summary>How much of a malformed record a diagnostic quotes.</summary>
    public const int Excerpt = 60;

    /// <summary>The callback for <c>CsvConfiguration.BadDataFound</c> that adds to <paramref name="problems"/>.</summary>
    public static BadDataFound Reporter(string source, List<Diagnostic> problems)
    {
        var reported = -1;
        return args =>
        {
            var row = args.Context.Parser?.RawRow ?? 0;
            if (row == reported)
            {
                return;
            }

            reported = row;
            problems.Add(new Diagnostic(source, row, 0, string.Empty, $"malformed CSV: {Shorten(args.RawRecord)}"));
        };
    }

    private static string Shorten(string record)
    {
        var text = record.AsSpan().Trim();
        var line = text.IndexOfAny('\r', '\n');
        var head = line >= 0 ? text[..line] : text;
        return head.Length <= Excerpt && line < 0 ? head.ToString() : string.Concat(head[..Math.Min(head.Length, Excerpt - 3)], "...");
    }
}
