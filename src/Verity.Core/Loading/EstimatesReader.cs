using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Forces;

namespace Verity.Core.Loading;

/// <summary>
/// Reads sourced force estimates from CSV (<c>data/forces/estimates.csv</c> or a user's own file), with the header
/// <c>state,measure,as_of,value,low,high,basis,source,published,note</c>: one bounded door, every problem reported.
/// </summary>
/// <remarks>
/// Bounds, checked before anything is built: at most <see cref="MaxChars"/> characters, <see cref="MaxRows"/> rows,
/// numbers from 0 to <see cref="MaxFigure"/>, dates from 1945-01-01 to 2200-12-31. A row is checked whole: the state
/// (an assigned ISO 3166-1 alpha-2 code), the measure, both dates, the numbers (<c>low ≤ value ≤ high</c>), the
/// basis, the source (an absolute http or https URL), and that no (state, measure, as_of, source) appears twice.
/// </remarks>
public static class EstimatesReader
{
    /// <summary>The columns, in order.</summary>
    public static ImmutableArray<string> Columns { get; } = ["state", "measure", "as_of", "value", "low", "high", "basis", "source", "published", "note"];

    /// <summary>The most characters a file may have (4 MiB of text).</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    /// <summary>The most rows a file may have, header aside.</summary>
    public const int MaxRows = 50_000;

    /// <summary>The largest figure a row may give: no state has held a million of anything nuclear.</summary>
    public const long MaxFigure = 1_000_000;

    private static readonly LocalDate Earliest = new(1945, 1, 1);
    private static readonly LocalDate Latest = new(2200, 12, 31);

    /// <summary>The words of the <c>basis</c> column.</summary>
    public static ImmutableArray<string> BasisWords { get; } = ["declared", "estimate", "official-projection", "statement", "undisclosed"];

    /// <summary>The word for a basis, as the file writes it.</summary>
    public static string Word(EstimateBasis basis) => basis switch
    {
        EstimateBasis.Declared => "declared",
        EstimateBasis.Estimate => "estimate",
        EstimateBasis.OfficialProjection => "official-projection",
        EstimateBasis.Statement => "statement",
        EstimateBasis.Undisclosed => "undisclosed",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "not a basis"),
    };

    /// <summary>Reads a basis word; <c>false</c> for anything else.</summary>
    public static bool TryParseBasis(string? text, out EstimateBasis basis)
    {
        var index = text is null ? -1 : BasisWords.IndexOf(text);
        basis = index < 0 ? default : (EstimateBasis)index;
        return index >= 0;
    }

    /// <summary>Reads estimates; every problem is reported, each as <c>file:line:column: field: message</c>.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">The file name for diagnostics and for each row's origin.</param>
    /// <exception cref="InputException">The file has problems; nothing of it is returned.</exception>
    public static EstimateSet Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var text = ReadBounded(reader, source);
        var problems = new List<Diagnostic>();
        var rows = ImmutableArray.CreateBuilder<Estimate>();
        using var lines = new CsvBadData.LineCountingReader(new StringReader(text));
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = CsvBadData.Reporter(source, problems, lines),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };

        using var csv = new CsvReader(lines, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            throw new InputException(new Diagnostic(source, 1, 0, string.Empty, $"the file is empty: expected the header {string.Join(",", Columns)}"));
        }

        if (!header.SequenceEqual(Columns))
        {
            var at = Enumerable.Range(0, Math.Max(header.Length, Columns.Length)).First(i => i >= header.Length || i >= Columns.Length || header[i] != Columns[i]);
            throw new InputException(new Diagnostic(source, 1, at + 1, string.Empty,
                $"header {string.Join(",", header)} differs at column {at + 1} ('{(at < header.Length ? header[at] : string.Empty)}'): expected exactly {string.Join(",", Columns)}"));
        }

        var firstLine = new Dictionary<(PartyCode, ForceMeasure, LocalDate, string), int>();
        var count = 0;
        while (csv.Read())
        {
            var line = CsvBadData.RecordStart(csv.Parser, lines);
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++count > MaxRows)
            {
                problems.Add(new Diagnostic(source, line, 0, string.Empty, $"more than {MaxRows:N0} rows: split the file"));
                break;
            }

            if (record.Length != Columns.Length)
            {
                problems.Add(new Diagnostic(source, line, 0, string.Empty, $"{record.Length} field(s), expected {Columns.Length}: {string.Join(",", Columns)}"));
                continue;
            }

            var before = problems.Count;
            string Field(string name) => record[Columns.IndexOf(name)];
            void Problem(string column, string message) => problems.Add(new Diagnostic(source, line, Columns.IndexOf(column) + 1, column, message));

            var stateText = Field("state");
            if (!PartyCode.TryParse(stateText, out var state))
            {
                Problem("state", $"'{Shorten(stateText)}' is not a state: expected an ISO 3166-1 alpha-2 code of two capital letters such as \"US\"");
            }
            else if (!CountryCodes.IsAssigned(state))
            {
                Problem("state", $"'{stateText}' is not an assigned ISO 3166-1 alpha-2 code");
            }

            if (!ForceMeasure.TryParse(Field("measure"), out var measure))
            {
                Problem("measure", $"unknown measure '{Shorten(Field("measure"))}': {ForceMeasure.Expected}");
            }

            var asOf = Date(Field("as_of"), "as_of", Problem);
            var published = Date(Field("published"), "published", Problem);
            var value = Number(Field("value"), "value", Problem);
            var low = Number(Field("low"), "low", Problem);
            var high = Number(Field("high"), "high", Problem);

            if (!TryParseBasis(Field("basis"), out var basis))
            {
                Problem("basis", $"unknown basis '{Shorten(Field("basis"))}': expected one of {string.Join(", ", BasisWords)}");
            }
            else if (basis == EstimateBasis.Undisclosed)
            {
                if (Field("value").Length > 0)
                {
                    Problem("value", $"an undisclosed row has no value, found '{Shorten(Field("value"))}': leave it empty (a range is allowed)");
                }
            }
            else if (Field("value").Length == 0 && Field("low").Length == 0 && Field("high").Length == 0)
            {
                Problem("value", $"a {Word(basis)} row needs a value or a range (low, high); only an undisclosed row has neither");
            }

            if (low is { } l && high is { } h && l > h)
            {
                Problem("low", $"low {l} is above high {h}");
            }
            else if (value is { } v && ((low is { } lo && v < lo) || (high is { } hi && v > hi)))
            {
                Problem("value", $"value {v} is outside its range {low?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{high?.ToString(CultureInfo.InvariantCulture) ?? "…"}");
            }

            var url = Field("source");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url.Contains(' ', StringComparison.Ordinal))
            {
                Problem("source", $"'{Shorten(url)}' is not an absolute http or https URL: every figure names the page it comes from");
            }

            if (problems.Count > before)
            {
                continue;
            }

            var key = (state, measure, asOf, url);
            if (firstLine.TryGetValue(key, out var first))
            {
                Problem("source", $"duplicate of line {first}: {state} {measure} as of {LocalDatePattern.Iso.Format(asOf)} from this source is already given");
                continue;
            }

            firstLine[key] = line;
            rows.Add(new Estimate(state, measure, asOf, value, low, high, basis, url, published, Field("note").Length > 0 ? Field("note") : null, $"{source}:{line}"));
        }

        return problems.Count > 0 ? throw new InputException(problems) : new EstimateSet(source, rows.ToImmutable());
    }

    /// <summary>Reads at most <see cref="MaxChars"/> characters; more is a problem, not a truncation.</summary>
    internal static string ReadBounded(TextReader reader, string source, int max = MaxChars)
    {
        var buffer = new char[Math.Min(max + 1, 64 * 1024)];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > max)
            {
                throw new InputException(new Diagnostic(source, 0, 0, string.Empty, $"the file is larger than {max:N0} characters"));
            }
        }

        return text.ToString();
    }

    private static LocalDate Date(string text, string column, Action<string, string> problem)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            problem(column, $"'{Shorten(text)}' is not a date: expected YYYY-MM-DD, such as 2025-01-01");
            return default;
        }

        if (result.Value < Earliest || result.Value > Latest)
        {
            problem(column, $"{text} is outside 1945-01-01 to 2200-12-31");
        }

        return result.Value;
    }

    private static long? Number(string text, string column, Action<string, string> problem)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!text.All(char.IsAsciiDigit))
        {
            problem(column, $"'{Shorten(text)}' is not a whole number from 0 to {MaxFigure:N0}");
            return null;
        }

        if (text.Length > 20 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > MaxFigure)
        {
            problem(column, $"{Shorten(text)} is out of range: expected 0 to {MaxFigure:N0}");
            return null;
        }

        return number;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
