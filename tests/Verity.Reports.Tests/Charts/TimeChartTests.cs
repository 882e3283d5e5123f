using System.Globalization;
using System.Xml.Linq;
using NodaTime;
using Verity.Reports.Charts;

namespace Verity.Reports.Tests.Charts;

public sealed class TimeChartTests
{
    private static readonly LocalDate Start = new(2026, 2, 5);
    private static readonly LocalDate Middle = new(2031, 2, 5);
    private static readonly LocalDate End = new(2036, 2, 5);

    [Fact]
    public void ValueBand_P10ToP90_RunsAlongTheHighsThenBackAlongTheLows()
    {
        var chart = new TimeChart(Start, End, 1000);

        var svg = Svg(chart.ValueBand([(Start, 400, 600), (Middle, 300, 700), (End, 200, 800)], "#1f5aa6", "p10-p90", "US warheads, p10 to p90"));

        var polygon = Assert.Single(svg.Descendants("polygon"));
        Assert.Equal("p10-p90", (string?)polygon.Attribute("class"));
        Assert.Equal("US warheads, p10 to p90", polygon.Element("title")?.Value);
        var expected = new[] { (Start, 600.0), (Middle, 700.0), (End, 800.0), (End, 200.0), (Middle, 300.0), (Start, 400.0) }
            .Select(p => $"{F(chart.X(p.Item1))},{F(chart.Y(p.Item2))}");
        Assert.Equal(string.Join(" ", expected), (string?)polygon.Attribute("points"));
    }

    [Fact]
    public void ValueBand_LowAboveHigh_FailsNamingThePoint()
    {
        var chart = new TimeChart(Start, End, 1000);

        var error = Assert.Throws<ArgumentException>(() => chart.ValueBand([(Start, 400, 600), (Middle, 701, 700)], "#000", "band", "t"));

        Assert.Contains("point 1 (2031-02-05): low 701 is above high 700", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueBand_DatesNotIncreasing_FailsNamingThePoints()
    {
        var chart = new TimeChart(Start, End, 1000);

        var error = Assert.Throws<ArgumentException>(() => chart.ValueBand([(Middle, 1, 2), (Start, 1, 2)], "#000", "band", "t"));

        Assert.Contains("point 1 (2026-02-05) is not after point 0 (2031-02-05)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueBand_OnePoint_Fails()
    {
        var chart = new TimeChart(Start, End, 1000);

        var error = Assert.Throws<ArgumentException>(() => chart.ValueBand([(Start, 1, 2)], "#000", "band", "t"));

        Assert.Contains("at least 2 points, got 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FanChart_BandLineLabelledPointsAndCeiling_DrawnInTheOrderAdded()
    {
        var chart = new TimeChart(Start, End, 1600)
            .ValueBand([(Start, 1400, 1500), (End, 900, 1700)], "#1f5aa6", "p10-p90", "p10 to p90")
            .Series([(Start, 1450), (End, 1300)], "#1f5aa6", "p50")
            .Dot(End, 1300, "#1f5aa6", "2036: 1,300 (p50)", label: "1,300 <p50>")
            .Ceiling("warheads", 1550, Start, End, "1,550", "at most 1,550");

        var svg = Svg(chart);

        var order = svg.Elements().Select(e => e.Name.LocalName).Where(n => n is "polygon" or "polyline" or "circle" or "line").ToList();
        Assert.Equal(["polygon", "polyline", "circle", "line"], order);
        var label = Assert.Single(svg.Elements("text"), t => (string?)t.Attribute("class") == "point-label");
        Assert.Equal("1,300 <p50>", label.Value);
        Assert.True(double.Parse((string)label.Attribute("x")!, CultureInfo.InvariantCulture) > chart.X(End) - 1);
    }

    [Fact]
    public void Dot_WithoutLabel_WritesNoText()
    {
        var svg = Svg(new TimeChart(Start, End, 10).Dot(Middle, 5, "#000", "five"));

        Assert.Single(svg.Elements("circle"));
        Assert.Empty(svg.Elements("text"));
    }

    [Fact]
    public void Constructor_EndOnStart_Fails()
    {
        var error = Assert.Throws<ArgumentException>(() => new TimeChart(Start, Start, 10));

        Assert.Contains("2026-02-05", error.Message, StringComparison.Ordinal);
    }

    private static XElement Svg(TimeChart chart) => XElement.Parse(chart.ToSvg("c", "label", "description"));

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
