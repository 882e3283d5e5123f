using System.Text.Json.Nodes;
using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Tests.Exchanges;
using static Verity.Core.Tests.Exchanges.HandMadeForces;

namespace Verity.Core.Tests.Loading;

/// <summary>
/// The JSON readers (notifications, databases) read through one door: one JSON value, every number within its field's
/// range, each problem naming the file and field.
/// </summary>
public class JsonBoundsTests
{
    private const string Clearance = """
        [{ "type": "inspection-airplane-clearance", "party": "US", "number": "US-1", "sent": "2011-02-10T12:00",
           "subject": "entry-into-force", "triggered": "2011-02-05", "fields": { "clearance": "X", "year": YEAR } }]
        """;

    private static readonly Dictionary<PartyCode, IReadOnlySet<string>> NoItems = [];

    [Theory]
    [InlineData("99999999999999999999999")] // beyond 64 bits: Newtonsoft.Json holds it as a BigInteger
    [InlineData("9007199254740992")] // 2^53: within 64 bits, beyond the field's range
    [InlineData("-1")]
    public void Parse_WholeNumberOutOfItsRange_RefusedNamingFileAndField(string year)
    {
        var json = Clearance.Replace("YEAR", year, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(json, "sent.json", TestData.NewStart, NoItems));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("sent.json", "[0].fields.year"), (diagnostic.Source, diagnostic.Path));
        Assert.Equal($"expected a whole number from 0 to 9,007,199,254,740,991, found {year}", diagnostic.Message);
    }

    [Fact]
    public void Parse_WholeNumberAtTheTopOfItsRange_Read()
    {
        var json = Clearance.Replace("YEAR", "9007199254740991", StringComparison.Ordinal);

        var document = Assert.Single(NotificationReader.Parse(json, "sent.json", TestData.NewStart, NoItems));

        Assert.Equal("9007199254740991", document.Fields["year"]);
    }

    [Fact]
    public void Parse_HugeNumberInATextField_RefusedNamingTheField()
    {
        var json = Clearance.Replace("YEAR", "2011", StringComparison.Ordinal).Replace("\"US-1\"", "1e400", StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(json, "sent.json", TestData.NewStart, NoItems));

        Assert.Equal("[0].number", Assert.Single(error.Diagnostics).Path);
    }

    [Theory]
    [InlineData(" garbage {")]
    [InlineData(" []")]
    public void Parse_TextAfterTheArray_RefusedAtTheEndOfTheArray(string after)
    {
        var json = Clearance.Replace("YEAR", "2011", StringComparison.Ordinal) + after;

        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(json, "sent.json", TestData.NewStart, NoItems));

        Assert.Equal("sent.json:2:108: not valid JSON: text after the array of notification documents, which ends here: a file holds one JSON value", Assert.Single(error.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("{\"number\":")]
    [InlineData("{\"number\": \"US-1")]
    [InlineData("{\"fields\": {\"as_of\": [")]
    public void ParseDocument_TextEndsInsideTheValue_SaysSoNamingNoField(string json)
    {
        var error = Assert.Throws<InputException>(() => NotificationReader.ParseDocument(json, "body", TestData.NewStart, null));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(string.Empty, problem.Path);
        Assert.Equal("not valid JSON: the text ends before the JSON value does (an object, array or string is left open)", problem.Message);
        Assert.Equal(1, problem.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Parse_EmptyText_SaysSo(string json)
    {
        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(json, "sent.json", TestData.NewStart, NoItems));

        Assert.Equal("sent.json: empty: expected the array of notification documents", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Parse_TrailingWhitespaceAndComment_Read()
    {
        var json = Clearance.Replace("YEAR", "2011", StringComparison.Ordinal) + "\n  /* sent in 2011 */\n";

        Assert.Single(NotificationReader.Parse(json, "sent.json", TestData.NewStart, NoItems));
    }

    [Fact]
    public void ParseDocument_HugeNumber_RefusedNamingTheField()
    {
        var json = Clearance.Replace("YEAR", "99999999999999999999999", StringComparison.Ordinal).Trim()[1..^1];

        var error = Assert.Throws<InputException>(() => NotificationReader.ParseDocument(json, "body", TestData.NewStart, isDeclared: null));

        Assert.Equal("fields.year", Assert.Single(error.Diagnostics).Path);
    }

    [Fact]
    public void Parse_NestedDeeperThanSixtyFour_RefusedNotCrashed()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(json, "sent.json", TestData.NewStart, NoItems));

        Assert.Contains("not valid JSON", Assert.Single(error.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999999999999999999999")]
    [InlineData("9000000000000000000")] // two of these overflow a 64-bit sum
    [InlineData("1000000001")]
    public void ParseDatabase_CountsBeyondTheirRange_RefusedNamingTheField(string count)
    {
        var json = Node(Database.Build(ExchangeData.NewStart, TestData.NewStart, Ledger(), Us, Day1));
        var byLocation = json["categories"]![0]!["by_location"]!.AsObject();
        foreach (var location in byLocation.Select(p => p.Key).ToList())
        {
            byLocation[location] = JsonNode.Parse(count);
        }

        var error = Assert.Throws<InputException>(() => Database.Parse(json.ToJsonString(), "us.json", ExchangeData.NewStart, TestData.NewStart));

        Assert.Equal(["categories[0].by_location['Malmstrom AFB']", "categories[0].by_location['Minot AFB']"], error.Diagnostics.Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.All(error.Diagnostics, d => Assert.Contains($"expected a whole number from 0 to 1,000,000,000, found {count}", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseDatabase_AsOfBeyondTheSupportedDates_Refused()
    {
        var json = Node(Database.Build(ExchangeData.NewStart, TestData.NewStart, Ledger(), Us, Day1));
        json["as_of"] = "9999-12-31";

        var error = Assert.Throws<InputException>(() => Database.Parse(json.ToJsonString(), "us.json", ExchangeData.NewStart, TestData.NewStart));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("as_of", "9999-12-31 is outside the supported dates, 1900-01-01 to 2200-12-31"), (diagnostic.Path, diagnostic.Message));
    }

    [Fact]
    public void Parse_EmptyArrayElement_RefusedAtIt()
    {
        // Newtonsoft.Json reads "[1,,2]" as an array with an undefined element; a file with one is not JSON.
        var json = Clearance.Replace("YEAR", "2011", StringComparison.Ordinal).Replace("}]", "},,]", StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(json, "sent.json", TestData.NewStart, NoItems));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("sent.json", "[1]", "not valid JSON: an empty element (a comma with no value before it)"), (diagnostic.Source, diagnostic.Path, diagnostic.Message));
    }

    [Fact]
    public void ParseDatabase_ManyWrongEntries_TheFirstHundredNamedTheRestCounted()
    {
        var json = Node(Database.Build(ExchangeData.NewStart, TestData.NewStart, Ledger(), Us, Day1));
        json["categories"]![0]!["items"] = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)i)]);

        var error = Assert.Throws<InputException>(() => Database.Parse(json.ToJsonString(), "us.json", ExchangeData.NewStart, TestData.NewStart));

        Assert.Equal(101, error.Diagnostics.Length);
        Assert.Equal("categories[0].items[99]", error.Diagnostics[99].Path);
        Assert.Equal("and 900 more problems", error.Diagnostics[100].Message);
    }

    [Fact]
    public void Parse_ManyWrongDocuments_CheckingStopsAfterAHundredProblems()
    {
        var json = $"[{string.Join(',', Enumerable.Repeat("7", 150))}]";

        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(json, "sent.json", TestData.NewStart, NoItems));

        Assert.Equal(101, error.Diagnostics.Length);
        Assert.Equal("[99]", error.Diagnostics[99].Path);
        Assert.Equal("checking stopped after 100 problems: documents 101 to 150 were not checked", error.Diagnostics[100].Message);
    }

    private static JsonObject Node(Database database) => JsonNode.Parse(database.ToJsonString())!.AsObject();
}
