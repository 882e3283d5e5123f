using Verity.Core.Analysis.Projections;
using Verity.Core.Loading;

namespace Verity.Core.Tests.Analysis.Projections;

/// <summary><see cref="ProjectionsReader"/>: the bundled variants, and each kind of bad file named by file, line, column and field.</summary>
public class ProjectionsReaderTests
{
    private const string Source = "projections.yaml";

    private static ProjectionCatalog Bundled() =>
        ProjectionsReader.Parse(File.ReadAllText(TestData.DataPath("forces", "projections.yaml")), "data/forces/projections.yaml");

    private static string[] Problems(string yaml) =>
        [.. Assert.Throws<InputException>(() => ProjectionsReader.Parse(yaml, Source)).Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void Parse_Bundled_DodChinaAnchoredAtTheCmprFigures()
    {
        var dod = Bundled().Find("dod-2024-china");

        Assert.NotNull(dod);
        Assert.Equal(ProjectionKind.Anchored, dod.Kind);
        Assert.Equal([2030, 2035], dod.Anchors.Select(a => a.Year));
        Assert.Equal([1000.0, 1500.0], dod.Anchors.Select(a => a.Value));
        Assert.Equal((1350.0, 1650.0), (dod.Anchors[1].Low!.Value, dod.Anchors[1].High!.Value));
        Assert.Equal(3, dod.Sources.Length);
        Assert.All(dod.Sources, s => Assert.StartsWith("https://", s, StringComparison.Ordinal));
        Assert.Equal([HandMadeEstimates.Cn], dod.States.ToArray());
        Assert.StartsWith("data/forces/projections.yaml:", dod.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Bundled_RateTrendHoldAndAFreezeOverTheTrend()
    {
        var catalog = Bundled();

        var sipri = catalog.Find("sipri-100-a-year")!;
        Assert.Equal((100.0, 90.0, 110.0), (sipri.Rate!.Value, sipri.RateLow!.Value, sipri.RateHigh!.Value));
        Assert.Equal(10, catalog.Find("trend-10y")!.WindowYears);
        Assert.Equal(ProjectionKind.Hold, catalog.Find("hold")!.Kind);
        Assert.Equal("trend-10y", catalog.Find("freeze")!.Base!.Name);
        Assert.Equal(ProjectionKind.Cap, catalog.Find("cap")!.Kind);
        Assert.Null(catalog.Find("nonesuch"));
    }

    [Fact]
    public void Parse_BundledDodOverHandMadeChina_ThroughTheAnchors()
    {
        // 600 in 2025 → 1,000 in 2030 → 1,500 in 2035: the same figures as the parameters of the hand-made test.
        var projection = Projector.Project(HandMadeEstimates.China(), HandMadeEstimates.Cn, HandMadeEstimates.Stockpile, Bundled().Find("dod-2024-china")!, new(2040, 100, 1));

        Assert.Equal(1000, projection[2030].Central, 9);
        Assert.Equal(1500, projection[2035].Central, 9);
    }

    [Fact]
    public void Parse_UnknownModelAndField_PointAtLineAndColumn()
    {
        var problems = Problems("""
            projections:
              - name: x
                model: guess
                colour: red
            """);

        Assert.Equal(
            [
                "projections.yaml:3:12: projections[0].model: unknown model 'guess': expected one of trend, anchored, rate, hold, cap",
                "projections.yaml:4:5: projections[0].colour: unknown field 'colour': expected one of name, model, title, source, sources, states, measures, window_years, anchors, rate, unit, rate_range, ceiling, from, base, spread",
            ],
            problems);
    }

    [Fact]
    public void Parse_RangeWithoutItsValue_NamesTheRange()
    {
        var problems = Problems("""
            projections:
              - name: r
                model: rate
                rate: 100
                rate_range: [110, 120]
            """);

        Assert.Equal(["projections.yaml:5:17: projections[0].rate_range: the range [110, 120] does not hold the value 100: expected low ≤ value ≤ high"], problems);
    }

    [Fact]
    public void Parse_AnchorsOutOfOrderAndWithoutSource_EachNamed()
    {
        var problems = Problems("""
            projections:
              - name: a
                model: anchored
                anchors:
                  - {year: 2035, value: 1500, source: "https://example.org"}
                  - {year: 2030, value: 1000}
            """);

        Assert.Equal(2, problems.Length);
        Assert.Contains("projections.yaml:6:9: projections[0].anchors[1]: source: required", problems);
        Assert.Contains(problems, p => p.StartsWith("projections.yaml:6:16: projections[0].anchors[1].year: year 2030 does not follow 2035", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateNameUnknownBaseAndLoop_EachNamed()
    {
        var duplicate = Problems("""
            projections:
              - {name: a, model: hold}
              - {name: a, model: hold}
            """);
        var unknown = Problems("""
            projections:
              - {name: c, model: cap, base: nowhere}
            """);
        var loop = Problems("""
            projections:
              - {name: c, model: cap, base: d}
              - {name: d, model: cap, base: c}
            """);

        Assert.Equal(["projections.yaml:3:12: projections[1].name: 'a' is defined twice"], duplicate);
        Assert.Equal(["projections.yaml:2:33: projections[0].base: unknown base 'nowhere': expected a projection of this file or one of trend, anchored, rate, hold, cap"], unknown);
        Assert.Contains(loop, p => p.Contains("leads back to itself", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("projections:\n  - {name: r, model: rate, rate: fast}", "projections.yaml:2:34: projections[0].rate: expected a number, found \"fast\"")]
    [InlineData("projections:\n  - {name: t, model: trend, window_years: 0}", "projections.yaml:2:43: projections[0].window_years: expected a whole number from 1 to 100, found 0")]
    [InlineData("projections:\n  - {name: h, model: hold, rate: 5}", "projections.yaml:2:28: projections[0].rate: rate, unit and rate_range belong to the rate model")]
    [InlineData("projections:\n  - {name: h, model: hold, states: [China]}", "projections.yaml:2:37: projections[0].states[0]: \"China\" is not valid: expected a state code such as \"CN\"")]
    [InlineData("projections:\n  - {name: Big Name, model: hold}", "projections.yaml:2:12: projections[0].name: 'Big Name' is not a name: expected lower-case letters, digits, '-' or '.', such as dod-2024-china")]
    [InlineData("projections:\n  - {model: hold}", "projections.yaml:2:5: projections[0]: name: required")]
    [InlineData("variants: []", "projections.yaml:1:1: expected a mapping with a 'projections' list")]
    [InlineData("projections: [", "projections.yaml:2:1: not valid YAML")]
    public void Parse_BadEntry_OneDiagnosticNamingTheSpot(string yaml, string expected)
    {
        var problems = Problems(yaml);

        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MutatedBundledFile_ValueOrDiagnosticsNeverAnythingElse()
    {
        var text = File.ReadAllText(TestData.DataPath("forces", "projections.yaml"));
        var random = new Random(1);
        for (var i = 0; i < 300; i++)
        {
            var chars = text.ToCharArray();
            for (var k = 0; k < 3; k++)
            {
                chars[random.Next(chars.Length)] = "x:- [{}]'\"0\n9&*"[random.Next(15)];
            }

            try
            {
                ProjectionsReader.Parse(new string(chars), Source);
            }
            catch (InputException e)
            {
                Assert.NotEmpty(e.Diagnostics);
            }
        }
    }
}
