using Verity.Core.Loading;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Loading;

public class HistoryReaderTests
{
    private static StreamReader Open(string file) => new(VectorPath("history", file));

    [Fact]
    public void ReadAggregates_BundledRecord_ReadsEveryRowWithItsBasis()
    {
        using var reader = new StreamReader(DataPath("history", "new-start-aggregates.csv"));

        var figures = HistoryReader.ReadAggregates(reader, "new-start-aggregates.csv");

        Assert.Equal(File.ReadLines(DataPath("history", "new-start-aggregates.csv")).Count() - 1, figures.Length);
        var us = figures.Single(f => f.Date == new NodaTime.LocalDate(2022, 3, 1) && f.Party == PartyCode.Parse("US") && f.Measure == "launchers");
        Assert.Equal((800L, "published"), (us.Value, us.Basis));
        Assert.All(figures.Where(f => f.Value is null), f => Assert.Contains(f.Basis, new[] { "not-retrieved", "not-provided" }));
    }

    [Fact]
    public void ReadAggregates_WrongHeader_NamesTheExpectedHeader()
    {
        using var reader = Open("aggregates-bad-header.csv");

        var error = Assert.Throws<InputException>(() => HistoryReader.ReadAggregates(reader, "aggregates-bad-header.csv"));

        Assert.Equal("aggregates-bad-header.csv:1: expected the header date,party,measure,value,basis,source,note", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void ReadAggregates_BadRows_ReportsEachOnItsLineAndColumn()
    {
        using var reader = Open("aggregates-bad-rows.csv");

        var error = Assert.Throws<InputException>(() => HistoryReader.ReadAggregates(reader, "aggregates-bad-rows.csv"));

        Assert.Equal(
            [
                "aggregates-bad-rows.csv:2:4: value: 'eight hundred' is not a whole number",
                "aggregates-bad-rows.csv:3:5: basis: unknown basis 'guessed': expected one of published, derived, not-retrieved, not-provided",
                "aggregates-bad-rows.csv:4:1: date: '2022-02-30' is not a date: expected YYYY-MM-DD",
                "aggregates-bad-rows.csv:5:2: party: 'usa' is not a party code",
                "aggregates-bad-rows.csv:6:4: value: a published figure needs a value",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void ReadBreakdowns_BadCount_ReportsItsLineAndColumn()
    {
        using var reader = Open("breakdowns-bad-count.csv");

        var error = Assert.Throws<InputException>(() => HistoryReader.ReadBreakdowns(reader, "breakdowns-bad-count.csv"));

        Assert.Equal("breakdowns-bad-count.csv:2:6: count: 'fifty-seven' is not a whole number", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void ReadBreakdowns_BundledRecord_SplitsStatusesOnBars()
    {
        using var reader = new StreamReader(DataPath("history", "new-start-breakdowns.csv"));

        var breakdowns = HistoryReader.ReadBreakdowns(reader, "new-start-breakdowns.csv");

        var row = breakdowns.First(b => b.Date == new NodaTime.LocalDate(2014, 3, 1) && b.Kind == "icbm-launcher");
        Assert.Equal(["non-deployed", "test"], row.Statuses.ToArray());
        Assert.Equal((null, 57), (row.Type, row.Count));
        Assert.Equal("US icbm-launcher non-deployed|test", row.Label);
    }

    [Fact]
    public void ReadForceModel_BundledModel_NamesNewStartAndBothParties()
    {
        var text = File.ReadAllText(DataPath("history", "new-start-forces.yaml"));

        var model = HistoryReader.ReadForceModel(text, "new-start-forces.yaml");

        Assert.Equal(("new-start", new NodaTime.LocalDate(2011, 2, 5)), (model.TreatyId, model.Start));
        Assert.Equal(["US", "RU"], model.Parties.Select(p => p.Party.Value));
    }

    [Fact]
    public void ReadForceModel_BadDate_ReportsTheField()
    {
        var error = Assert.Throws<InputException>(() => HistoryReader.ReadForceModel("treaty: new-start\nstart: someday\n", "forces.yaml"));

        Assert.Equal("forces.yaml: start: 'someday' is not a date", Assert.Single(error.Diagnostics).ToString());
    }
}
