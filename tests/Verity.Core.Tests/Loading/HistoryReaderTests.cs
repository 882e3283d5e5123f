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
    public void ReadAggregates_StrayQuote_MalformedRowNamedOnItsLine()
    {
        using var reader = new StringReader("date,party,measure,value,basis,source,note\n2011-02-05,US,deployed,8\"82,published,s,\n");

        var error = Assert.Throws<InputException>(() => HistoryReader.ReadAggregates(reader, "a.csv"));

        Assert.Contains(error.Diagnostics, d => d.ToString().StartsWith("a.csv:2: malformed CSV: 2011-02-05,US,deployed,8\"82", StringComparison.Ordinal));
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

    [Fact]
    public void ReadForceModel_BadShareOrParty_ReportsTheFieldNotAFormatException()
    {
        const string Model = "treaty: new-start\nstart: 2011-02-05\nparties:\n  - party: usa\n";

        var error = Assert.Throws<InputException>(() => HistoryReader.ReadForceModel(Model, "forces.yaml"));

        Assert.Equal("forces.yaml: parties[0].party: 'usa' is not a party code: expected two capital letters such as \"US\"", Assert.Single(error.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("parties:\n  -\n", "parties[0]: an empty entry: expected a value")]
    [InlineData("parties:\n  - party: US\n    missiles:\n      - kind: icbm\n        types:\n          -\n", "parties[0].missiles[0].types[0]: an empty entry: expected a value")]
    [InlineData("parties:\n  - party: US\n    bombers:\n      types:\n        - type: B-52H\n          bases: [a, ~]\n", "parties[0].bombers.types[0].bases[1]: an empty entry: expected a value")]
    [InlineData("parties:\n  - party: US\n    test:\n      - date: 2011-02-05\n        attributes: {a: ~}\n", "parties[0].test[0].attributes.a: no value")]
    [InlineData("parties:\n  - party: US\n    warheads_each:\n      - date: 2011-02-05\n        icbm: ~\n", "parties[0].warheads_each[0].icbm: '' is not a number")]
    public void ReadForceModel_EmptyEntryOrValue_NamedNotANullReference(string parties, string expected)
    {
        var error = Assert.Throws<InputException>(() => HistoryReader.ReadForceModel($"treaty: new-start\nstart: 2011-02-05\n{parties}", "forces.yaml"));

        Assert.Equal($"forces.yaml: {expected}", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void ReadNotificationCounts_BundledCounts_ReadsEveryRow()
    {
        using var reader = new StreamReader(DataPath("history", "new-start-notification-counts.csv"));

        var counts = HistoryReader.ReadNotificationCounts(reader, "new-start-notification-counts.csv");

        Assert.Equal(File.ReadLines(DataPath("history", "new-start-notification-counts.csv")).Count(l => l.Length > 0) - 1, counts.Length);
        Assert.Equal((new NodaTime.LocalDate(2011, 8, 31), 1000L), (counts[0].Date, counts[0].Count));
        Assert.Contains("1,000 notifications", counts[0].Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2011-08-31,many,both parties,https://a.org/x,note", "count")]
    [InlineData("2011-08-31,99999999999999999999,both parties,https://a.org/x,note", "count")]
    [InlineData("9999-08-31,1000,both parties,https://a.org/x,note", "date")]
    [InlineData("2011-08-31,1000", "")]
    public void ReadNotificationCounts_BadRow_NamesLineAndColumn(string row, string column)
    {
        using var reader = new StringReader("date,count,scope,source,note\n" + row + "\n");

        var error = Assert.Throws<InputException>(() => HistoryReader.ReadNotificationCounts(reader, "counts.csv"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("counts.csv", 2, column), (diagnostic.Source, diagnostic.Line, diagnostic.Path));
    }
    [Fact]
    public void ReadInspectionCounts_BundledRecord_ReadsEveryRowAgainstTheTreaty()
    {
        using var reader = new StreamReader(DataPath("history", "new-start-inspections.csv"));

        var counts = HistoryReader.ReadInspectionCounts(reader, "new-start-inspections.csv", NewStart);

        Assert.Equal(File.ReadLines(DataPath("history", "new-start-inspections.csv")).Count(l => l.Length > 0) - 1, counts.Length);
        var first = counts[0];
        Assert.Equal((2, new NodaTime.LocalDate(2011, 2, 5), new NodaTime.LocalDate(2012, 2, 4), 18), (first.Line, first.From, first.To, first.Count));
        Assert.Equal(PartyCode.Parse("US"), Assert.Single(first.Parties));
        Assert.All(counts.Where(c => c.Count is null), c => Assert.Equal("not-published", c.Basis));
        Assert.All(counts, c => Assert.False(string.IsNullOrEmpty(c.Source)));
        Assert.Contains(counts, c => c.Count == 252 && c.Parties.Length == 2);
    }

    [Theory]
    [InlineData("2011-02-05,2012-02-04,US,,many,published,https://a.org/x,", "count")]
    [InlineData("2011-02-05,2012-02-04,US,,-1,published,https://a.org/x,", "count")]
    [InlineData("2011-02-05,2012-02-04,US,,,published,https://a.org/x,", "count")]
    [InlineData("2011-02-05,2012-02-04,US,,0,not-published,https://a.org/x,", "count")]
    [InlineData("2011-02-05,2012-02-04,US,,3,guessed,https://a.org/x,", "basis")]
    [InlineData("2011-02-05,2010-02-04,US,,3,published,https://a.org/x,", "to")]
    [InlineData("2011-02-31,2012-02-04,US,,3,published,https://a.org/x,", "from")]
    [InlineData("2011-02-05,2012-02-04,us,,3,published,https://a.org/x,", "parties")]
    [InlineData("2011-02-05,2012-02-04,US|US,,3,published,https://a.org/x,", "parties")]
    [InlineData("2011-02-05,2012-02-04,US,,3,published,,", "source")]
    [InlineData("2011-02-05,2012-02-04,US,,3", "")]
    public void ReadInspectionCounts_BadRow_NamesLineAndField(string row, string field)
    {
        using var reader = new StringReader("from,to,parties,type,count,basis,source,note\n" + row + "\n");

        var error = Assert.Throws<InputException>(() => HistoryReader.ReadInspectionCounts(reader, "inspections.csv"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("inspections.csv", 2, field), (diagnostic.Source, diagnostic.Line, diagnostic.Path));
    }

    [Theory]
    [InlineData("2011-02-05,2012-02-04,CN,,3,published,https://a.org/x,", "parties", "unknown party 'CN': New START's parties are US, RU")]
    [InlineData("2011-02-05,2012-02-04,US,type-three,3,published,https://a.org/x,", "type", "unknown inspection type 'type-three': New START's are type-one, type-two")]
    [InlineData("2010-02-05,2011-02-04,US,,0,published,https://a.org/x,", "from", "2010-02-05 is before New START entered into force on 2011-02-05")]
    public void ReadInspectionCounts_WithTheTreaty_RefusesWhatItDoesNotDefine(string row, string field, string message)
    {
        using var reader = new StringReader("from,to,parties,type,count,basis,source,note\n" + row + "\n");

        var error = Assert.Throws<InputException>(() => HistoryReader.ReadInspectionCounts(reader, "inspections.csv", NewStart));

        Assert.Equal($"inspections.csv:2:{System.Array.IndexOf(new[] { "from", "to", "parties", "type", "count", "basis", "source", "note" }, field) + 1}: {field}: {message}", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void ReadInspectionCounts_StrayQuote_IsTheRowsProblem()
    {
        using var reader = new StringReader("from,to,parties,type,count,basis,source,note\n2011-02-05,2012-02-04,US,,18,published,https://a.org/x,\"open\n");

        var error = Assert.Throws<InputException>(() => HistoryReader.ReadInspectionCounts(reader, "inspections.csv"));

        Assert.All(error.Diagnostics, d => Assert.Equal("inspections.csv", d.Source));
    }
}
