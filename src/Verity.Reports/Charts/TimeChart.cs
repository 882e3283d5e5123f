using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;

namespace Verity.Reports.Charts;

/// <summary>
/// An inline SVG chart of values over dates, for limits: grid and years, a ceiling line labelled with its value, series
/// as polylines with points (labelled or not), vertical markers, shaded spans of time and bands of values (a fan chart's
/// p10–p90 around its line). Used by the node's dashboard and by <c>verity replay --out</c>'s report; no scripts and no
/// external resources, so it renders offline and prints.
/// </summary>
/// <remarks>Every text given is HTML-encoded here; callers pass plain text. Elements are drawn in the order added:
/// add bands before the lines and points they surround.</remarks>
public sealed class TimeChart
{
    private const int Width = 960;
    private const int Height = 320;
    private const int Left = 64;
    private const int Right = 24;
    private const int Top = 24;
    private const int Bottom = 40;
    private readonly LocalDate _start;
    private readonly int _days;
    private readonly double _top;
    private readonly StringBuilder _body = new();

    /// <summary>A chart from <paramref name="start"/> to <paramref name="end"/> whose value axis reaches a round number
    /// above <paramref name="maxValue"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public TimeChart(LocalDate start, LocalDate end, double maxValue)
    {
        if (end <= start)
        {
            throw new ArgumentException($"the chart ends ({end:yyyy-MM-dd}) on or before it begins ({start:yyyy-MM-dd})", nameof(end));
        }

        _start = start;
        End = end;
        _days = Period.Between(start, end, PeriodUnits.Days).Days;
        _top = Nice(Math.Max(maxValue, 1) * 1.1);
    }

    /// <summary>The chart's last date.</summary>
    public LocalDate End { get; }

    /// <summary>The horizontal position of a date (clamped to the chart).</summary>
    public double X(LocalDate date)
    {
        var clamped = date < _start ? _start : date > End ? End : date;
        return Left + ((Width - Left - Right) * (double)Period.Between(_start, clamped, PeriodUnits.Days).Days / _days);
    }

    /// <summary>The vertical position of a value.</summary>
    public double Y(double value) => Top + ((Height - Top - Bottom) * (1 - (value / _top)));

    /// <summary>Horizontal grid lines with their values, and each year's first day on the time axis.</summary>
    /// <param name="number">How a gridline's value is written (default: invariant, 1,550); the page's language's way.</param>
    /// <param name="digits">How a year's digits are written (default: as they are); the page's language's digits.</param>
    public TimeChart Grid(Func<long, string>? number = null, Func<string, string>? digits = null)
    {
        for (var i = 0; i <= 4; i++)
        {
            var v = _top * i / 4;
            var text = number is null ? v.ToString("N0", CultureInfo.InvariantCulture) : number((long)Math.Round(v));
            _body.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" x2="{Width - Right}" y1="{F(Y(v))}" y2="{F(Y(v))}" stroke="#e4e4e4"/><text x="{Left - 6}" y="{F(Y(v) + 4)}" text-anchor="end">{System.Net.WebUtility.HtmlEncode(text)}</text>""");
        }

        for (var year = _start.Year; year <= End.Year; year++)
        {
            var d = new LocalDate(year, 1, 1);
            if (d >= _start && d <= End)
            {
                var label = year.ToString(CultureInfo.InvariantCulture);
                _body.Append(CultureInfo.InvariantCulture, $"""<text x="{F(X(d))}" y="{Height - Bottom + 16}" text-anchor="middle">{System.Net.WebUtility.HtmlEncode(digits is null ? label : digits(label))}</text>""");
            }
        }

        return this;
    }

    /// <summary>A shaded band from <paramref name="from"/> to <paramref name="to"/>, such as a time the limit was not in effect.</summary>
    public TimeChart Band(LocalDate from, LocalDate to, string cssClass, string title)
    {
        var x = X(from);
        _body.Append(CultureInfo.InvariantCulture, $"""<rect class="{E(cssClass)}" x="{F(x)}" y="{Top}" width="{F(Math.Max(X(to) - x, 1))}" height="{Height - Top - Bottom}" fill="#f1f1f1"><title>{E(title)}</title></rect>""");
        return this;
    }

    /// <summary>A band of values over time, such as a projection's p10 to p90: a filled polygon along
    /// <paramref name="points"/>' highs and back along their lows, with a title; <paramref name="attributes"/> are added
    /// to it (names as given, values encoded).</summary>
    /// <exception cref="ArgumentException">Fewer than two points, dates not increasing, or a low above its high.</exception>
    public TimeChart ValueBand(IEnumerable<(LocalDate Date, double Low, double High)> points, string colour, string cssClass, string title, IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var band = points.ToList();
        if (band.Count < 2)
        {
            throw new ArgumentException($"a band needs at least 2 points, got {band.Count}", nameof(points));
        }

        for (var i = 0; i < band.Count; i++)
        {
            if (band[i].Low > band[i].High)
            {
                throw new ArgumentException($"point {i} ({band[i].Date:yyyy-MM-dd}): low {band[i].Low} is above high {band[i].High}", nameof(points));
            }

            if (i > 0 && band[i].Date <= band[i - 1].Date)
            {
                throw new ArgumentException($"point {i} ({band[i].Date:yyyy-MM-dd}) is not after point {i - 1} ({band[i - 1].Date:yyyy-MM-dd})", nameof(points));
            }
        }

        var outline = band.Select(p => (p.Date, p.High)).Concat(Enumerable.Reverse(band).Select(p => (p.Date, p.Low)));
        var polygon = string.Join(" ", outline.Select(p => $"{F(X(p.Date))},{F(Y(p.Item2))}"));
        var extra = string.Concat((attributes ?? []).Select(a => $" {a.Key}=\"{E(a.Value)}\""));
        _body.Append(CultureInfo.InvariantCulture, $"""<polygon class="{E(cssClass)}"{extra} fill="{E(colour)}" fill-opacity="0.18" stroke="none" points="{polygon}"><title>{E(title)}</title></polygon>""");
        return this;
    }

    /// <summary>A vertical dashed line on <paramref name="date"/> with a short label (in one of three rows) and a title.</summary>
    public TimeChart Marker(LocalDate date, string label, string title, int row = 0, bool labelBefore = false)
    {
        var x = X(date);
        _body.Append(CultureInfo.InvariantCulture, $"""<line class="lifecycle" x1="{F(x)}" x2="{F(x)}" y1="{Top}" y2="{Height - Bottom}" stroke="#9aa" stroke-dasharray="2,3"><title>{E(title)}</title></line>""");
        _body.Append(CultureInfo.InvariantCulture, $"""<text x="{F(labelBefore ? x - 3 : x + 3)}" y="{Top + 10 + (row % 3 * 12)}" fill="#567"{(labelBefore ? " text-anchor=\"end\"" : string.Empty)}>{E(label)}</text>""");
        return this;
    }

    /// <summary>The ceiling: a horizontal line from <paramref name="from"/> to <paramref name="to"/> carrying
    /// <c>data-limit</c> and <c>data-ceiling</c>, with a <c>title</c>, and a visible label.</summary>
    public TimeChart Ceiling(string limitId, long ceiling, LocalDate from, LocalDate to, string label, string title)
    {
        var y = F(Y(ceiling));
        _body.Append(CultureInfo.InvariantCulture, $"""<line class="ceiling" data-limit="{E(limitId)}" data-ceiling="{ceiling}" x1="{F(X(from))}" x2="{F(X(to))}" y1="{y}" y2="{y}" stroke="#000" stroke-width="2" stroke-dasharray="6,4"><title>{E(title)}</title></line>""");
        _body.Append(CultureInfo.InvariantCulture, $"""<text class="ceiling-label" data-limit="{E(limitId)}" data-ceiling="{ceiling}" x="{F(X(from) + 4)}" y="{F(Y(ceiling) - 6)}" font-weight="bold">{E(label)}</text>""");
        return this;
    }

    /// <summary>A series as a polyline; <paramref name="attributes"/> are added to it (names as given, values encoded).</summary>
    public TimeChart Series(IEnumerable<(LocalDate Date, double Value)> points, string colour, string cssClass, bool dashed = false, IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var line = string.Join(" ", points.Select(p => $"{F(X(p.Date))},{F(Y(p.Value))}"));
        var extra = string.Concat((attributes ?? []).Select(a => $" {a.Key}=\"{E(a.Value)}\""));
        _body.Append(CultureInfo.InvariantCulture, $"""<polyline class="{E(cssClass)}"{extra} fill="none" stroke="{E(colour)}" stroke-width="{(dashed ? "1.5" : "2")}"{(dashed ? " stroke-dasharray=\"5,3\"" : string.Empty)} points="{line}"/>""");
        return this;
    }

    /// <summary>A point with a title: filled for a value, hollow for a published figure; with a <paramref name="label"/>,
    /// the label is written beside it (above and to the right).</summary>
    public TimeChart Dot(LocalDate date, double value, string colour, string title, bool hollow = false, double radius = 2.5, string? label = null)
    {
        _body.Append(CultureInfo.InvariantCulture, $"""<circle cx="{F(X(date))}" cy="{F(Y(value))}" r="{F(radius)}" fill="{(hollow ? "white" : E(colour))}" stroke="{E(colour)}" stroke-width="1.5"><title>{E(title)}</title></circle>""");
        if (label is not null)
        {
            _body.Append(CultureInfo.InvariantCulture, $"""<text class="point-label" x="{F(X(date) + radius + 3)}" y="{F(Y(value) - radius - 3)}">{E(label)}</text>""");
        }

        return this;
    }

    /// <summary>The SVG element: an image labelled by <paramref name="label"/>, described by <paramref name="description"/>.</summary>
    public string ToSvg(string id, string label, string description, IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        var extra = string.Concat((attributes ?? []).Select(a => $" {a.Key}=\"{E(a.Value)}\""));
        return string.Create(CultureInfo.InvariantCulture,
            $"""<svg role="img" aria-labelledby="{E(id)}-title {E(id)}-desc"{extra} viewBox="0 0 {Width} {Height}" width="100%"><title id="{E(id)}-title">{E(label)}</title><desc id="{E(id)}-desc">{E(description)}</desc>{_body}</svg>""");
    }

    private static double Nice(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return Math.Ceiling(value / (magnitude / 2)) * (magnitude / 2);
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
