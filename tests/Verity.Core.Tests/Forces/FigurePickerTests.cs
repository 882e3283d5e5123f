using NodaTime;
using Verity.Core.Forces;
using Verity.Core.Loading;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Forces;

public class FigurePickerTests
{
    private static readonly Lazy<EstimateSet> Vector = new(() =>
    {
        using var reader = new StreamReader(VectorPath("forces", "estimates.csv"));
        return EstimatesReader.Parse(reader, "estimates.csv");
    });

    private static readonly Lazy<Precedence> Order = new(() => PrecedenceReader.Parse(File.ReadAllText(DataPath("forces", "precedence.yaml")), "precedence.yaml"));

    private static ForceFigure Pick(string state, int year, int month, int day) =>
        FigurePicker.Pick(Vector.Value, Order.Value, PartyCode.Parse(state), ForceMeasure.Stockpile, new LocalDate(year, month, day));

    [Fact]
    public void Pick_FasAndSipriInOneVintage_FasWinsAndSipriIsPassedOver()
    {
        var figure = Pick("US", 2025, 6, 1);

        Assert.Equal((3708L, "fas"), (figure.Value!.Value, figure.Rule));
        var sipri = figure.PassedOver[0];
        Assert.Equal((3700L, PassReason.Outranked, "sipri"), (sipri.Row.Value!.Value, sipri.Reason, sipri.Rule));
        Assert.Contains("rule sipri ranks below fas in the default order", sipri.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Pick_DeclaredAndEstimateInOneVintage_DeclaredWins()
    {
        var figure = Pick("US", 2024, 6, 1);

        Assert.Equal((3748L, "declared", EstimateBasis.Declared), (figure.Value!.Value, figure.Rule, figure.Picked!.Basis));
        Assert.Equal(
            [(new LocalDate(2023, 9, 1), PassReason.Outranked), (new LocalDate(2025, 1, 1), PassReason.AfterDate), (new LocalDate(2025, 1, 13), PassReason.AfterDate)],
            figure.PassedOver.Select(p => (p.Row.AsOf, p.Reason)));
    }

    [Fact]
    public void Pick_DateBetweenVintages_TakesTheEarlierVintageAndListsTheLaterAsAfterTheDate()
    {
        var figure = Pick("US", 2024, 12, 31);

        Assert.Equal(new LocalDate(2023, 9, 30), figure.Picked!.AsOf);
        Assert.Equal(2, figure.PassedOver.Count(p => p.Reason == PassReason.AfterDate));
    }

    [Fact]
    public void Pick_LaterVintage_PassesOverTheEarlierAsOlder()
    {
        var figure = Pick("US", 2026, 1, 1);

        var older = figure.PassedOver.Where(p => p.Reason == PassReason.Older).Select(p => p.Row.AsOf);

        Assert.Equal([new LocalDate(2023, 9, 30), new LocalDate(2023, 9, 1)], older);
    }

    [Fact]
    public void Pick_UndisclosedLatestRow_GivesNullWithTheEarlierFigurePassedOverAsOlder()
    {
        var figure = Pick("FR", 2026, 6, 1);

        Assert.Null(figure.Value);
        Assert.True(figure.IsUndisclosed);
        Assert.Equal("undisclosed", figure.Rule);
        var earlier = Assert.Single(figure.PassedOver);
        Assert.Equal((290L, PassReason.Older), (earlier.Row.Value!.Value, earlier.Reason));
    }

    [Fact]
    public void Pick_BeforeTheUndisclosedRow_GivesTheEstimate()
    {
        var figure = Pick("FR", 2026, 3, 1);

        Assert.Equal(290L, figure.Value);
        Assert.Equal(PassReason.AfterDate, Assert.Single(figure.PassedOver).Reason);
    }

    [Fact]
    public void Pick_BeforeAnyRow_IsUnknownNotZero()
    {
        var figure = Pick("US", 2020, 1, 1);

        Assert.Null(figure.Picked);
        Assert.Null(figure.Value);
        Assert.Null(figure.Rule);
        Assert.Equal(4, figure.PassedOver.Length);
    }

    [Fact]
    public void Pick_ProjectionAfterTheLatestFigure_IsUsedOnlyOnceItsDateIsReached()
    {
        var before = Pick("CN", 2029, 12, 31);
        var after = Pick("CN", 2031, 1, 1);

        Assert.Equal((600L, "fas"), (before.Value!.Value, before.Rule));
        Assert.Equal(("official-projection", (long?)null, 1000L), (after.Rule, after.Value, after.Picked!.Low!.Value));
        Assert.Contains(after.PassedOver, p => p.Row.Value == 600 && p.Reason == PassReason.Older);
    }

    [Fact]
    public void Pick_ProjectionForADateTheFiguresReach_IsPassedOver()
    {
        var figure = Pick("CN", 2025, 6, 1);

        var overtaken = Assert.Single(figure.PassedOver, p => p.Reason == PassReason.ProjectionOvertaken);

        Assert.Equal(700L, overtaken.Row.Value);
        Assert.Contains("latest as of 2025-03-12", overtaken.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Pick_SameDateSameRule_LaterEditionWins()
    {
        var set = EstimatesReader.Parse(new StringReader("""
            state,measure,as_of,value,low,high,basis,source,published,note
            GB,stockpile,2025-01-01,225,,,estimate,https://a.org/old,2025-01-01,
            GB,stockpile,2025-01-01,230,,,estimate,https://a.org/new,2025-06-01,
            """), "gb.csv");

        var figure = FigurePicker.Pick(set, Order.Value, PartyCode.Parse("GB"), ForceMeasure.Stockpile, new LocalDate(2025, 12, 1));

        Assert.Equal((230L, "estimate"), (figure.Value!.Value, figure.Rule));
    }

    [Fact]
    public void Pick_ZeroVintage_OnlyTheSameDateCompetes()
    {
        var strict = Order.Value with { VintageDays = 0 };

        var figure = FigurePicker.Pick(Vector.Value, strict, PartyCode.Parse("US"), ForceMeasure.Stockpile, new LocalDate(2025, 6, 1));

        Assert.Equal((3708L, "fas"), (figure.Value!.Value, figure.Rule));
        Assert.Equal(PassReason.Older, figure.PassedOver.Single(p => p.Row.Value == 3700 && p.Row.AsOf.Year == 2025).Reason);
    }

    [Fact]
    public void Pick_MeasureOrder_OverridesTheDefault()
    {
        var sipriFirst = PrecedenceReader.Parse("""
            vintage_days: 92
            rules:
              - { id: fas, basis: [estimate], hosts: [fas.org] }
              - { id: sipri, basis: [estimate], hosts: [sipri.org] }
            order:
              default: [fas, sipri]
              stockpile: [sipri, fas]
            """, "p.yaml");

        var figure = FigurePicker.Pick(Vector.Value, sipriFirst, PartyCode.Parse("US"), ForceMeasure.Stockpile, new LocalDate(2025, 6, 1));

        Assert.Equal((3700L, "sipri"), (figure.Value!.Value, figure.Rule));
    }

    [Fact]
    public void PickAll_EveryStateAndMeasure_InFileOrder()
    {
        var figures = FigurePicker.PickAll(Vector.Value, Order.Value, new LocalDate(2025, 6, 1));

        Assert.Equal(["US", "FR", "CN"], figures.Select(f => f.State.Value));
    }

    [Fact]
    public void Rule_SourcePrefix_MatchesASecondaryOutlet()
    {
        var rule = new PrecedenceRule("sipri", [EstimateBasis.Estimate], ["sipri.org"], ["https://trt.global/world/article/"]);
        Estimate Row(string url) => Vector.Value.Rows[0] with { Source = url };

        Assert.True(rule.Matches(Row("https://trt.global/world/article/c664568bb604")));
        Assert.True(rule.Matches(Row("https://www.sipri.org/yearbook/2025")));
        Assert.False(rule.Matches(Row("https://notsipri.org/x")));
        Assert.False(rule.Matches(Row("https://trt.global/other")));
    }

    [Fact]
    public void Pick_LaterCeilingOnly_IsNotACountAndThePlainFigureWins()
    {
        // The UK: 225 estimated (2025-01-01) beside a planned ceiling "no more than 180 by the mid-2020s" as of a later
        // date; the ceiling is passed over as a ceiling, not taken as the figure because it is later.
        var gb = PartyCode.Parse("GB");
        var estimates = new EstimateSet("gb.csv", [
            new(gb, ForceMeasure.Stockpile, new LocalDate(2025, 1, 1), 225, null, null, EstimateBasis.Estimate, "https://example.org/sipri", new LocalDate(2025, 6, 16), null, "gb.csv:2"),
            new(gb, ForceMeasure.Stockpile, new LocalDate(2025, 12, 31), null, null, 180, EstimateBasis.Declared, "https://example.org/sdsr-2010", new LocalDate(2010, 10, 19), "planned ceiling", "gb.csv:3"),
        ]);

        var figure = FigurePicker.Pick(estimates, Order.Value, gb, ForceMeasure.Stockpile, new LocalDate(2027, 2, 5));
        var onlyCeiling = FigurePicker.Pick(new EstimateSet("gb.csv", [estimates.Rows[1]]), Order.Value, gb, ForceMeasure.Stockpile, new LocalDate(2027, 2, 5));

        Assert.Equal(225L, figure.Value);
        var passed = Assert.Single(figure.PassedOver);
        Assert.Equal(PassReason.CeilingOnly, passed.Reason);
        Assert.Contains("a ceiling of 180, not a count", passed.Why, StringComparison.Ordinal);
        Assert.Equal(180L, onlyCeiling.Picked!.High);
        Assert.Null(onlyCeiling.Value);
    }
}
