using Verity.Core.Counting;
using Verity.Core.Items;
using Verity.Core.Loading;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Loading;

public class InventoryReaderTests
{
    private static Inventory Read(string file)
    {
        using var reader = new StreamReader(VectorPath("inventories", file));
        return InventoryReader.Parse(reader, file, NewStart);
    }

    [Fact]
    public void Parse_ValidFile_ReadsEveryItemInOrder()
    {
        var inventory = Read("valid.csv");

        Assert.Equal(["MM-001", "TR-001", "B52-001", "B52-002", "RS-001"], inventory.Select(i => i.Uid));
        var trident = inventory[1];
        Assert.Equal(("US", "slbm", "Trident II", "deployed", 4, "Kings Bay"), (trident.Party.Value, trident.Kind, trident.Type, trident.Status, trident.Warheads, trident.Location));
    }

    [Fact]
    public void Parse_ExtraColumn_BecomesAnAttributeWhereGivenAndAbsentWhereEmpty()
    {
        var inventory = Read("valid.csv");

        var armaments = inventory.Select(i => i.Get("armament")).ToList();

        Assert.Equal([null, null, "nuclear", "non-nuclear", null], armaments);
        Assert.Empty(inventory[0].Attributes);
        Assert.Equal(["nuclear", "non-nuclear"], inventory.Column("armament")!.Values.ToArray());
    }

    [Fact]
    public void Parse_ValidFile_CountsUnderNewStart()
    {
        var inventory = Read("valid.csv");

        var report = Compliance.ComplianceEvaluator.Evaluate(NewStart, inventory, new NodaTime.LocalDate(2019, 1, 1), Verity.Core.Treaties.Interpretation.Agreed);

        // US: MM + TR + nuclear B-52H deployed = 3; 1 + 4 + 1 warheads; launchers: only the nuclear B-52H.
        Assert.Equal((3L, 6L, 1L), (report["US"]!["deployed"]!.Value, report["US"]!["warheads"]!.Value, report["US"]!["launchers"]!.Value));
        Assert.Equal((1L, 4L), (report["RU"]!["deployed"]!.Value, report["RU"]!["warheads"]!.Value));
    }

    [Fact]
    public void Parse_HeaderOnly_ReadsNoItems()
    {
        var inventory = Read("header-only.csv");

        var count = inventory.Count;

        Assert.Equal(0, count);
    }

    [Theory]
    [InlineData("unknown-kind.csv", "unknown-kind.csv:3:3: kind: unknown kind 'cruise-missile': expected one of icbm, slbm, icbm-launcher, slbm-launcher, heavy-bomber")]
    [InlineData("unknown-status.csv", "unknown-status.csv:3:5: status: unknown status 'alert': expected one of deployed, non-deployed, test, training, converted, eliminated")]
    [InlineData("unknown-party.csv", "unknown-party.csv:3:2: party: unknown party 'CN': New START's parties are US, RU")]
    [InlineData("malformed-party.csv", "malformed-party.csv:3:2: party: 'usa' is not a party code: expected two capital letters such as \"US\"")]
    [InlineData("negative-warheads.csv", "negative-warheads.csv:2:6: warheads: negative warheads (-1): expected 0 or more")]
    [InlineData("non-numeric-warheads.csv", "non-numeric-warheads.csv:3:6: warheads: 'three' is not a whole number")]
    [InlineData("duplicate-uid.csv", "duplicate-uid.csv:4:1: uid: duplicate uid 'MM-001', first used on line 2")]
    [InlineData("unknown-armament.csv", "unknown-armament.csv:2:8: armament: unknown armament 'conventional': expected one of nuclear, non-nuclear")]
    public void Parse_BadRow_ReportsFileLineColumnAndField(string file, string expected)
    {
        var read = () => Read(file);

        var error = Assert.Throws<InputException>(read);

        Assert.Equal(expected, Assert.Single(error.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("missing-column.csv", "missing-column.csv:1: header lacks location: expected uid,party,kind,type,status,warheads,location and any further attribute columns")]
    [InlineData("wrong-field-count.csv", "wrong-field-count.csv:3: 6 field(s), expected 8 as in the header")]
    [InlineData("empty.csv", "empty.csv:1: the file is empty: expected the header uid,party,kind,type,status,warheads,location")]
    public void Parse_BadShape_ReportsFileAndLine(string file, string expected)
    {
        var read = () => Read(file);

        var error = Assert.Throws<InputException>(read);

        Assert.Equal(expected, Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Parse_SeveralBadRows_ReportsEveryProblem()
    {
        var csv = """
            uid,party,kind,type,status,warheads,location
            A,US,rocket,X,deployed,1,here
            B,XX,icbm,X,parked,-2,here
            """;

        var error = Assert.Throws<InputException>(() => InventoryReader.Parse(new StringReader(csv), "many.csv", NewStart));

        Assert.Equal(["2:kind", "3:party", "3:status", "3:warheads"], error.Diagnostics.Select(d => $"{d.Line}:{d.Path}"));
    }

    [Fact]
    public void Parse_QuotedFieldsWithCommasAndNewlines_ReadsThemAndCountsPhysicalLines()
    {
        var read = () => Read("quoted-fields.csv");

        var error = Assert.Throws<InputException>(read);

        // the first row spans lines 2 and 3; the bad status is on line 4
        Assert.Equal("quoted-fields.csv:4:5: status: unknown status 'parked': expected one of deployed, non-deployed, test, training, converted, eliminated", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Parse_QuotedFields_KeepTheirCommasAndQuotes()
    {
        var csv = "uid,party,kind,type,status,warheads,location\nMM-001,US,icbm,\"Minuteman III, mod \"\"B\"\"\",deployed,1,\"Malmstrom AFB, MT\"\n";

        var inventory = InventoryReader.Parse(new StringReader(csv), "q.csv", NewStart);

        Assert.Equal(("Minuteman III, mod \"B\"", "Malmstrom AFB, MT"), (inventory[0].Type, inventory[0].Location));
    }

    [Fact]
    public void Parse_StrayQuote_ReportsMalformedCsvOnItsLine()
    {
        var read = () => Read("stray-quote.csv");

        var error = Assert.Throws<InputException>(read);

        Assert.Contains(error.Diagnostics, d => d.Source == "stray-quote.csv" && d.Line == 2 && d.Message.StartsWith("malformed CSV", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_QuoteLeftOpenOverAThousandLines_OneShortDiagnostic()
    {
        // Every quote inside the open field is another stray quote; each used to add a message quoting all read so far.
        const string Row = "MM-001,US,icbm,\"Minuteman III, mod \"\"B\"\"\",deployed,1,\"Malmstrom AFB\n";
        var csv = "uid,party,kind,type,status,warheads,location\n" + string.Concat(Enumerable.Repeat(Row, 1_000));

        var error = Assert.Throws<InputException>(() => InventoryReader.Parse(new StringReader(csv), "open.csv", NewStart));

        var malformed = Assert.Single(error.Diagnostics, d => d.Message.StartsWith("malformed CSV", StringComparison.Ordinal));
        Assert.Equal("open.csv:2: malformed CSV: a quote opened in this record is not closed, so the record runs on to line 1001: MM-001,US,icbm,\"Minuteman III, mod \"\"B\"\"\",deployed,1,\"Mal...", malformed.ToString());
        Assert.True(error.Diagnostics.Length < 5, string.Join('\n', error.Diagnostics.Take(5)));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("")]
    public void Parse_QuoteNeverClosed_ReportedOnTheLineItOpensOnNotTheLast(string end)
    {
        // The record runs to the end of the file; with a final line break CsvHelper counts one line past the last.
        var csv = "uid,party,kind,type,status,warheads,location\nA,US,icbm,X,deployed,1,\"Base\nsecond line\"\nB,US,icbm,X,deployed,1,\"open\nC,US,icbm,X,deployed,1,Base" + end;

        var error = Assert.Throws<InputException>(() => InventoryReader.Parse(new StringReader(csv), "open.csv", NewStart));

        var malformed = Assert.Single(error.Diagnostics, d => d.Message.StartsWith("malformed CSV", StringComparison.Ordinal));
        Assert.Equal("open.csv:4: malformed CSV: a quote opened in this record is not closed, so the record runs on to line 5: B,US,icbm,X,deployed,1,\"open...", malformed.ToString());
        Assert.All(error.Diagnostics, d => Assert.Equal(4, d.Line));
    }

    [Fact]
    public void Parse_QuantityColumn_GivesUnitsPerLineAndIsNoAttribute()
    {
        var csv = "uid,party,kind,type,status,warheads,location,quantity\nMM,US,icbm,Minuteman III,deployed,1,Malmstrom,400\nB2,US,heavy-bomber,B-2A,deployed,0,Whiteman,\n";

        var inventory = InventoryReader.Parse(new StringReader(csv), "q.csv", NewStart);
        var warheads = Counter.Count(inventory, [NewStart.FindLimit("warheads")!.Rule], new Dictionary<string, string>());

        Assert.Equal([400L, 1L], inventory.Select(i => i.Quantity));
        Assert.Null(inventory.Column("quantity"));
        Assert.Equal(401, warheads.Value(0, PartyCode.Parse("US")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void Parse_BadQuantity_NamesLineAndColumn(string quantity)
    {
        var csv = $"uid,party,kind,type,status,warheads,location,quantity\nMM,US,icbm,Minuteman III,deployed,1,Malmstrom,{quantity}\n";

        var error = Assert.Throws<InputException>(() => InventoryReader.Parse(new StringReader(csv), "q.csv", NewStart));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(("q.csv", 2, 8, "quantity"), (problem.Source, problem.Line, problem.Column, problem.Path));
        Assert.Contains($"'{quantity}' is not a quantity", problem.Message, StringComparison.Ordinal);
    }
}
