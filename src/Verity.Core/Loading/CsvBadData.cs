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

    /// <summary>The callback for <c>CsvConfiguration.BadDataFound</c> that adds to <paramref name="problems"/>;
    /// <paramref name="text"/> is what the reader reads the CSV from.</summary>
    public static BadDataFound Reporter(string source, List<Diagnostic> problems, LineCountingReader text)
    {
        var reported = -1;
        return args =>
        {
            var end = text.Clamp(args.Context.Parser?.RawRow ?? 0);
            if (end == reported)
            {
                return;
            }

            reported = end;
            var start = end - LineBreaksWithin(args.RawRecord);
            problems.Add(start < end
                ? new Diagnostic(source, start, 0, string.Empty, $"malformed CSV: a quote opened in this record is not closed, so the record runs on to line {end}: {Shorten(args.RawRecord)}")
                : new Diagnostic(source, start, 0, string.Empty, $"malformed CSV: {Shorten(args.RawRecord)}"));
        };
    }

    /// <summary>The line the record the parser last read begins on: CsvHelper's <c>RawRow</c> is the line it ends on,
    /// which for a record with a quote left open is a later line, or the file's last.</summary>
    public static int RecordStart(IParser parser, LineCountingReader text)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(text);
        return text.Clamp(parser.RawRow) - LineBreaksWithin(parser.RawRecord);
    }

    // The line breaks inside a record (a quoted field's), not counting the one that ends it.
    private static int LineBreaksWithin(string? record) =>
        record is null ? 0 : record.TrimEnd('\r', '\n').ReplaceLineEndings("\n").Count(c => c == '\n');

    private static string Shorten(string record)
    {
        var text = record.AsSpan().Trim();
        var line = text.IndexOfAny('\r', '\n');
        var head = line >= 0 ? text[..line] : text;
        return head.Length <= Excerpt && line < 0 ? head.ToString() : string.Concat(head[..Math.Min(head.Length, Excerpt - 3)], "...");
    }

    /// <summary>
    /// The text a CSV reader reads, counting its lines as they pass. A record whose quote is never closed runs to the
    /// end of the file, and CsvHelper then counts the file's final line break as the start of one more line
    /// (<c>RawRow</c> one past the last): a line number is never past the last line read.
    /// </summary>
    public sealed class LineCountingReader(TextReader inner) : TextReader
    {
        private int _breaks;
        private bool _open;

        /// <summary>The lines read so far: each line break ends one, and text after the last one is one more.</summary>
        public int Lines => _breaks + (_open ? 1 : 0);

        /// <summary><paramref name="row"/>, or the last line read when it is past it.</summary>
        public int Clamp(int row) => Lines > 0 ? Math.Min(row, Lines) : row;

        public override int Peek() => inner.Peek();

        public override int Read()
        {
            var c = inner.Read();
            if (c >= 0)
            {
                Count([(char)c]);
            }

            return c;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var read = inner.Read(buffer, index, count);
            Count(buffer.AsSpan(index, Math.Max(read, 0)));
            return read;
        }

        public override int Read(Span<char> buffer)
        {
            var read = inner.Read(buffer);
            Count(buffer[..Math.Max(read, 0)]);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Count(ReadOnlySpan<char> chars)
        {
            if (chars.IsEmpty)
            {
                return;
            }

            _breaks += chars.Count('\n');
            _open = chars[^1] != '\n';
        }
    }
}
