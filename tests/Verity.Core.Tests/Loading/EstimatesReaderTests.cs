using Verity.Core.Forces;
using Verity.Core.Loading;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Loading;

public class EstimatesReaderTests
{
    private const string Header = "state,measure,as_of,value,low,high,basis,source,published,note";
    private const string Good = "US,stockpile,2025-01-01,3700,,,estimate,https://www.sipri.org/yb2025,2025-06-16,";

    private static EstimateSet Read(string text) => EstimatesReader.Parse(new StringReader(text), "e.csv");

    private static InputException Bad(string text) => Assert.Throws<InputException>(() => Read(text));

    [Fact]
    public void Parse_VectorFile_ReadsEveryRowWithItsOrigin()
    {
        using var reader = new StreamReader(VectorPath("forces", "estimates.csv"));

        var set = EstimatesReader.Parse(reader, "estimates.csv");

        Assert.Equal(9, set.Rows.Length);
        var fas = set.Rows[3];
        Assert.Equal(("US", "stockpile", 3708L, EstimateBasis.Estimate, "estimates.csv:5"), (fas.State.Value, fas.Measure.Value, fas.Value!.Value, fas.Basis, fas.Origin));
        Assert.Null(set.Rows[5].Value);
        Assert.Equal(EstimateBasis.Undisclosed, set.Rows[5].Basis);
        Assert.Equal((1000L, (long?)null), (set.Rows[7].Low!.Value, set.Rows[7].High));
        Assert.Equal("test vector: \"over 1,000 by 2030\"", set.Rows[7].Note);
    }

    [Theory]
    [InlineData("XX,stockpile,2025-01-01,3700,,,estimate,https://a.org/x,2025-06-16,", 1, "state", "not an assigned ISO 3166-1")] // two capitals, no state
    [InlineData("us,stockpile,2025-01-01,3700,,,estimate,https://a.org/x,2025-06-16,", 1, "state", "two capital letters")]
    [InlineData("USA,stockpile,2025-01-01,3700,,,estimate,https://a.org/x,2025-06-16,", 1, "state", "two capital letters")]
    [InlineData("US,warheads,2025-01-01,3700,,,estimate,https://a.org/x,2025-06-16,", 2, "measure", "unknown measure 'warheads'")]
    [InlineData("US,stockpile,2025-13-01,3700,,,estimate,https://a.org/x,2025-06-16,", 3, "as_of", "is not a date")]
    [InlineData("US,stockpile,2025-01-01,3700,,,estimate,https://a.org/x,16/06/2025,", 9, "published", "is not a date")]
    [InlineData("US,stockpile,1900-01-01,3700,,,estimate,https://a.org/x,2025-06-16,", 3, "as_of", "outside 1945-01-01")]
    [InlineData("US,stockpile,2025-01-01,3700,3800,3600,estimate,https://a.org/x,2025-06-16,", 5, "low", "low 3800 is above high 3600")]
    [InlineData("US,stockpile,2025-01-01,3900,3600,3800,estimate,https://a.org/x,2025-06-16,", 4, "value", "value 3900 is outside its range 3600–3800")]
    [InlineData("US,stockpile,2025-01-01,500,600,,estimate,https://a.org/x,2025-06-16,", 4, "value", "outside its range 600–…")]
    [InlineData("US,stockpile,2025-01-01,99999999999999999999999,,,estimate,https://a.org/x,2025-06-16,", 4, "value", "out of range")]
    [InlineData("US,stockpile,2025-01-01,1000001,,,estimate,https://a.org/x,2025-06-16,", 4, "value", "out of range: expected 0 to 1,000,000")]
    [InlineData("US,stockpile,2025-01-01,,,9223372036854775808,estimate,https://a.org/x,2025-06-16,", 6, "high", "out of range")]
    [InlineData("US,stockpile,2025-01-01,-5,,,estimate,https://a.org/x,2025-06-16,", 4, "value", "not a whole number")]
    [InlineData("US,stockpile,2025-01-01,3700,,,guess,https://a.org/x,2025-06-16,", 7, "basis", "unknown basis 'guess'")]
    [InlineData("US,stockpile,2025-01-01,3700,,,estimate,www.sipri.org/yb,2025-06-16,", 8, "source", "not an absolute http or https URL")]
    [InlineData("US,stockpile,2025-01-01,3700,,,estimate,ftp://sipri.org/yb,2025-06-16,", 8, "source", "not an absolute http or https URL")]
    [InlineData("US,stockpile,2025-01-01,3700,,,estimate,,2025-06-16,", 8, "source", "not an absolute http or https URL")]
    [InlineData("FR,stockpile,2026-03-02,290,,,undisclosed,https://a.org/x,2026-03-02,", 4, "value", "an undisclosed row has no value")]
    [InlineData("FR,stockpile,2026-03-02,,,,estimate,https://a.org/x,2026-03-02,", 4, "value", "needs a value or a range")]
    public void Parse_BadRow_NamesLineColumnAndField(string row, int column, string field, string message)
    {
        var e = Bad($"{Header}\n{Good}\n{row}\n");

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal(("e.csv", 3, column, field), (problem.Source, problem.Line, problem.Column, problem.Path));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"e.csv:3:{column}: {field}: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Duplicate_NamesTheFirstLine()
    {
        var e = Bad($"{Header}\n{Good}\nRU,stockpile,2025-01-01,4309,,,estimate,https://www.sipri.org/yb2025,2025-06-16,\n{Good.Replace("3700", "3705", StringComparison.Ordinal)}\n");

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal((4, "source"), (problem.Line, problem.Path));
        Assert.Contains("duplicate of line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameFigureFromTwoEditions_KeepsBoth()
    {
        var set = Read($"{Header}\n{Good}\n{Good.Replace("yb2025", "yb2026", StringComparison.Ordinal)}\n");

        var count = set.Rows.Length;

        Assert.Equal(2, count);
    }

    [Theory]
    [InlineData("state,measure,as_of,value,low,high,basis,source,published", 10)] // no note column
    [InlineData("state,measure,asof,value,low,high,basis,source,published,note", 3)]
    [InlineData("state,measure,as_of,value,low,high,basis,source,published,note,extra", 11)]
    public void Parse_WrongHeader_NamesTheColumn(string header, int column)
    {
        var e = Bad($"{header}\n{Good}\n");

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal((1, column), (problem.Line, problem.Column));
        Assert.Contains("expected exactly state,measure,as_of", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US,stockpile,2025-01-01,3700,,,estimate,https://a.org/x,2025-06-16", 9)]
    [InlineData("US,stockpile,2025-01-01,3700,,,estimate,https://a.org/x,2025-06-16,,", 11)]
    public void Parse_WrongFieldCount_NamesLineAndCount(string row, int fields)
    {
        var e = Bad($"{Header}\n{Good}\n{row}\n");

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith($"{fields} field(s), expected 10", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadRows_ReportsEveryOneAndReturnsNothing()
    {
        var e = Bad($"{Header}\nXX,stockpile,2025-01-01,1,,,estimate,https://a.org/x,2025-06-16,\n{Good}\nUS,stockpile,2025-01-01,1,,,estimate,nowhere,bad-date,\n");

        var lines = e.Diagnostics.Select(d => (d.Line, d.Path));

        Assert.Equal([(2, "state"), (4, "published"), (4, "source")], lines);
    }

    [Fact]
    public void Parse_Empty_SaysTheHeaderIsExpected()
    {
        var e = Bad(string.Empty);

        Assert.Contains("the file is empty", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLarge_StopsAtTheBound()
    {
        var text = Header + "\n" + new string(' ', EstimatesReader.MaxChars);

        var e = Bad(text);

        Assert.Contains("larger than 4,194,304 characters", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyRows_StopsAtTheBound()
    {
        var rows = Enumerable.Range(0, EstimatesReader.MaxRows + 1).Select(i => $"US,stockpile,2025-01-01,{i % 1000},,,estimate,https://a.org/{i},2025-06-16,");

        var e = Bad(Header + "\n" + string.Join("\n", rows));

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal((EstimatesReader.MaxRows + 2, "more than 50,000 rows: split the file"), (problem.Line, problem.Message));
    }

    [Fact]
    public void CountryCodes_Assigned_HoldsThe249Codes()
    {
        Assert.Equal(249, CountryCodes.Count);
        Assert.True(CountryCodes.IsAssigned(PartyCode.Parse("GB")));
        Assert.False(CountryCodes.IsAssigned(PartyCode.Parse("UK"))); // exceptionally reserved, not assigned
        Assert.False(CountryCodes.IsAssigned(default));
    }
}
