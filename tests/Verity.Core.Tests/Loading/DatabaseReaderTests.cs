using System.Text.Json.Nodes;
using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Tests.Analysis.Replay;
using Verity.Core.Tests.Exchanges;
using Verity.Core.Treaties;
using static Verity.Core.Tests.Exchanges.HandMadeForces;

namespace Verity.Core.Tests.Loading;

/// <summary>
/// <see cref="DatabaseReader"/>: every database of the bundled record reads back to the same hash, and each kind of
/// bad file is rejected naming the file and the JSON path.
/// </summary>
public class DatabaseReaderTests(NewStartRecord record) : IClassFixture<NewStartRecord>
{
    private const string Source = "us-database.json";

    [Fact]
    public void Parse_EveryDatabaseOfTheBundledRecord_SameHash()
    {
        var definition = ExchangeData.NewStart;
        var treaty = record.Treaty;
        var exchanges = definition.ScheduleFrom(treaty.Dates.EntryIntoForce).Exchanges(new NodaTime.LocalDate(2026, 2, 4));

        var checkedCount = 0;
        var wrong = new List<string>();
        foreach (var party in treaty.Parties.Select(p => p.Code))
        {
            foreach (var exchange in exchanges.Where(e => treaty.StandingAt(e.AsOf, party) == TreatyStanding.InForce))
            {
                var database = Database.Build(definition, treaty, record.Ledger, party, exchange.AsOf);
                var read = Database.Parse(database.ToJsonString(), $"{party}-{exchange.AsOf:yyyy-MM-dd}.json", definition, treaty);
                checkedCount++;
                if (read.Hash != database.Hash || read.ToJsonString() != database.ToJsonString())
                {
                    wrong.Add($"{party} {exchange.AsOf:yyyy-MM-dd}: built {database.Hash}, read back {read.Hash}");
                }
            }
        }

        Assert.True(checkedCount >= 48, $"{checkedCount} databases");
        Assert.Empty(wrong);
    }

    [Fact]
    public void Parse_HandMadeDatabase_KeepsPartyDateAndItems()
    {
        var database = HandMade();

        var read = Parse(database.ToJsonString());

        Assert.Equal(Us, read.Party);
        Assert.Equal(Day1, read.AsOf);
        Assert.Equal(database.ListedItems(), read.ListedItems());
        Assert.Equal(database.Hash, read.Hash);
    }

    [Fact]
    public void Parse_ItemsOutOfOrder_HashOfTheCanonicalForm()
    {
        var database = HandMade();
        var json = Node(database);
        var items = json["categories"]![0]!["items"]!.AsArray();
        var first = items[0]!.DeepClone();
        items.RemoveAt(0);
        items.Add(first);

        var read = Parse(json.ToJsonString());

        Assert.Equal(database.Hash, read.Hash);
    }

    [Fact]
    public void Parse_MalformedJson_FailsNamingFileAndLine()
    {
        var text = HandMade().ToJsonString();

        var error = Assert.Throws<InputException>(() => Parse(text[..(text.Length / 2)]));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(Source, diagnostic.Source);
        Assert.Equal(1, diagnostic.Line);
        Assert.StartsWith("not valid JSON", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX")] // a party code, not a party to the treaty
    [InlineData("usa")] // not a party code
    public void Parse_UnknownParty_FailsNamingPartyField(string party)
    {
        var json = Node(HandMade());
        json["party"] = party;

        var diagnostic = Single(json);

        Assert.Equal("party", diagnostic.Path);
        Assert.Contains($"unknown party '{party}'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CategoryMissing_FailsNamingIt()
    {
        var json = Node(HandMade());
        json["categories"]!.AsArray().RemoveAt(0);

        var diagnostic = Single(json);

        Assert.Equal("categories", diagnostic.Path);
        Assert.Contains("missing category 'deployed-icbms'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CountNotMatchingItsItems_FailsNamingCount()
    {
        var json = Node(HandMade());
        var category = json["categories"]![0]!;
        category["count"] = 3;
        category["by_location"]!.AsObject().Select(p => p.Key).ToList().ForEach(k => category["by_location"]![k] = 0);
        category["by_location"]!["Malmstrom AFB"] = 3; // the numbers by location agree: only the items do not

        var diagnostic = Single(json);

        Assert.Equal("categories[0].count", diagnostic.Path);
        Assert.Contains("count 3 of category 'deployed-icbms' does not match its 2 listed item(s)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CountNotMatchingItsLocations_FailsNamingCount()
    {
        var json = Node(HandMade());
        var category = json["categories"]![2]!; // deployed-icbm-launchers: counted by location only
        category["count"] = (long)category["count"]! + 1;

        var diagnostic = Single(json);

        Assert.Equal("categories[2].count", diagnostic.Path);
        Assert.Contains("does not match its numbers by location", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UidListedTwice_FailsNamingTheSecond()
    {
        var json = Node(HandMade());
        var category = json["categories"]![0]!;
        var items = category["items"]!.AsArray();
        var copy = items[0]!.DeepClone();
        items.Add(copy);
        category["count"] = items.Count;
        var location = (string)copy["location"]!;
        category["by_location"]![location] = (long)category["by_location"]![location]! + 1;

        var diagnostic = Single(json);

        Assert.Equal("categories[0].items[2].uid", diagnostic.Path);
        Assert.Contains($"uid '{(string)copy["uid"]!}' is listed twice", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownStatus_FailsNamingIt()
    {
        var json = Node(HandMade());
        json["categories"]![0]!["items"]![1]!["status"] = "retired";

        var diagnostic = Single(json);

        Assert.Equal("categories[0].items[1].status", diagnostic.Path);
        Assert.Contains("unknown status 'retired'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKind_FailsNamingIt()
    {
        var json = Node(HandMade());
        json["facilities"]![0]!["holdings"]![0]!["kind"] = "cruise-missile";

        var diagnostic = Single(json);

        Assert.Equal("facilities[0].holdings[0].kind", diagnostic.Path);
        Assert.Contains("unknown item kind 'cruise-missile'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2011-02-30")] // no such day
    [InlineData("5 Feb 2011")] // not ISO
    [InlineData("2010-02-05")] // before entry into force
    public void Parse_BadDate_FailsNamingAsOf(string date)
    {
        var json = Node(HandMade());
        json["as_of"] = date;

        var diagnostic = Single(json);

        Assert.Equal("as_of", diagnostic.Path);
        Assert.Contains(date, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var json = Node(HandMade());
        json["party"] = "XX";
        json["categories"]![0]!["items"]![1]!["status"] = "retired";
        json.Remove("warheads");

        var error = Assert.Throws<InputException>(() => Parse(json.ToJsonString()));

        Assert.Equal(["categories[0].items[1].status", "party", "warheads"], error.Diagnostics.Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.All(error.Diagnostics, d => Assert.Equal(Source, d.Source));
    }

    private static Database HandMade() => Database.Build(ExchangeData.NewStart, TestData.NewStart, Ledger(), Us, Day1);

    private static JsonObject Node(Database database) => JsonNode.Parse(database.ToJsonString())!.AsObject();

    private static Database Parse(string json) => Database.Parse(json, Source, ExchangeData.NewStart, TestData.NewStart);

    private static Diagnostic Single(JsonObject json)
    {
        var error = Assert.Throws<InputException>(() => Parse(json.ToJsonString()));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(Source, diagnostic.Source);
        Assert.True(diagnostic.Line > 0, diagnostic.ToString());
        return diagnostic;
    }
}
