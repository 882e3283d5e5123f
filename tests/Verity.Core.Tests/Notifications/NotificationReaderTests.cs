using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using static Verity.Core.Tests.Notifications.NotificationScenarios;

namespace Verity.Core.Tests.Notifications;

public class NotificationReaderTests
{
    private const string Source = "sent.json";

    private static readonly IReadOnlyDictionary<PartyCode, IReadOnlySet<string>> Declared =
        new Dictionary<PartyCode, IReadOnlySet<string>> { [US] = new HashSet<string>(StringComparer.Ordinal) { "m1", "b1" } };

    private static string ChangeInData(string number = "US-000001", string sent = "2015-06-11T12:00", string uid = "\"m1\"", string date = "\"2015-06-10\"") => $$"""
          {
            "type": "change-in-data",
            "party": "US",
            "number": "{{number}}",
            "sent": "{{sent}}",
            "subject": "m1",
            "triggered": "2015-06-10",
            "fields": {
              "uid": {{uid}},
              "kind": "icbm",
              "type": "Minuteman III",
              "event": "moved",
              "date": {{date}},
              "status": "deployed",
              "location": "Warren"
            }
          }
        """;

    private static Diagnostic Rejected(string json)
    {
        var error = Assert.Throws<InputException>(() => NotificationReader.Parse(json, Source, TestData.NewStart, Declared));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(Source, diagnostic.Source);
        Assert.True(diagnostic.Line > 0 && diagnostic.Column > 0, diagnostic.ToString());
        return diagnostic;
    }

    [Fact]
    public void Parse_ValidChangeInData_ReadsTheDocument()
    {
        var json = $"[{ChangeInData()}]";

        var document = Assert.Single(NotificationReader.Parse(json, Source, TestData.NewStart, Declared));

        Assert.Equal("change-in-data", document.Type);
        Assert.Equal(US, document.Party);
        Assert.Equal(new LocalDateTime(2015, 6, 11, 12, 0), document.Sent);
        Assert.Equal(new LocalDate(2015, 6, 10), document.Triggered);
        Assert.Equal("Warren", document.Fields["location"]);
    }

    [Fact]
    public void Parse_UnknownType_RejectedAtTheTypeNamingTheCatalogue()
    {
        var json = $"[{ChangeInData().Replace("\"change-in-data\"", "\"change-of-heart\"", StringComparison.Ordinal)}]";

        var diagnostic = Rejected(json);

        Assert.Equal("[0].type", diagnostic.Path);
        Assert.Contains("unknown notification type 'change-of-heart'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("change-in-data", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Line);
    }

    [Fact]
    public void Parse_MissingRequiredField_RejectedNamingTheField()
    {
        var json = $"[{ChangeInData().Replace("\"uid\": \"m1\",", string.Empty, StringComparison.Ordinal)}]";

        var diagnostic = Rejected(json);

        Assert.Contains("missing required field 'uid' of change-in-data", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("fields.uid", diagnostic.Path, StringComparison.Ordinal);
        Assert.Equal(8, diagnostic.Line); // the fields object that lacks it
    }

    [Fact]
    public void Parse_TextWhereAWholeNumberIsExpected_RejectedAtTheField()
    {
        const string json = """
            [
              {
                "type": "inspection-airplane-clearance",
                "party": "US",
                "number": "US-000002",
                "sent": "2011-02-10T12:00",
                "subject": "entry-into-force",
                "triggered": "2011-02-05",
                "fields": { "clearance": "DC-1", "year": "twenty eleven" }
              }
            ]
            """;

        var diagnostic = Rejected(json);

        Assert.Equal("expected a whole number", diagnostic.Message);
        Assert.Contains("fields.year", diagnostic.Path, StringComparison.Ordinal);
        Assert.Equal(9, diagnostic.Line);
    }

    [Fact]
    public void Parse_DateNotInTheCalendar_RejectedAtTheField()
    {
        var json = $"[{ChangeInData(date: "\"2015-02-30\"")}]";

        var diagnostic = Rejected(json);

        Assert.Equal("[0].fields.date", diagnostic.Path);
        Assert.Contains("'2015-02-30' is not a calendar date", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DateInWords_RejectedAtTheField()
    {
        var json = $"[{ChangeInData(date: "\"10 June 2015\"")}]";

        var diagnostic = Rejected(json);

        Assert.Equal("expected a date, YYYY-MM-DD", diagnostic.Message);
        Assert.Contains("fields.date", diagnostic.Path, StringComparison.Ordinal);
        Assert.Equal(13, diagnostic.Line);
    }

    [Fact]
    public void Parse_ItemNeverDeclared_RejectedAtTheUid()
    {
        var json = $"[{ChangeInData(uid: "\"ghost-7\"")}]";

        var diagnostic = Rejected(json);

        Assert.Equal("[0].fields.uid", diagnostic.Path);
        Assert.Contains("item 'ghost-7' was never declared by US", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SentBeforeEntryIntoForce_RejectedAtSent()
    {
        var json = $"[{ChangeInData(sent: "2011-01-31T12:00")}]";

        var diagnostic = Rejected(json);

        Assert.Equal("[0].sent", diagnostic.Path);
        Assert.Contains("dated 2011-01-31, before entry into force on 2011-02-05", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NumberUsedTwice_RejectedAtTheSecond()
    {
        var json = $"[{ChangeInData()},{ChangeInData()}]";

        var diagnostic = Rejected(json);

        Assert.Equal("[1].number", diagnostic.Path);
        Assert.Contains("number 'US-000001' is used twice by US", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OneBadDocumentAmongGood_NothingReturned()
    {
        var json = $"[{ChangeInData()},{ChangeInData(number: "US-000002", uid: "\"ghost-7\"")},{ChangeInData(number: "US-000003")}]";

        var diagnostic = Rejected(json);

        Assert.Equal("[1].fields.uid", diagnostic.Path);
    }

    [Fact]
    public void Parse_MalformedJson_RejectedWithLineAndColumn()
    {
        var json = $"[{ChangeInData()}".Replace("\"subject\": \"m1\",", "\"subject\": \"m1\"", StringComparison.Ordinal);

        var diagnostic = Rejected(json);

        Assert.StartsWith("not valid JSON", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(7, diagnostic.Line); // the missing comma is found at the next key
    }

    [Fact]
    public void Parse_ObjectInsteadOfArray_Rejected()
    {
        var json = ChangeInData();

        var diagnostic = Rejected(json);

        Assert.Equal(string.Empty, diagnostic.Path);
        Assert.Contains("expected a JSON array", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WriterOutputForEveryType_RoundTripsToEqualDocuments()
    {
        var documents = TestData.NewStart.Notifications
            .Select(n => For(n.Id))
            .SelectMany(s => NotificationPlan.Provide([s.Owed()]).Select(d => d with { Number = $"{d.Party}-{s.TypeId}", Fields = Complete(s.Owed()) }))
            .ToImmutableArray();

        var read = NotificationReader.Parse(NotificationWriter.ToJson(documents, TestData.NewStart), Source, TestData.NewStart, Declared);

        Assert.Equal(documents.Length, read.Length);
        Assert.Equal(TestData.NewStart.Notifications.Length, read.Length);
        foreach (var (expected, actual) in documents.Zip(read))
        {
            Assert.Equal(expected with { Fields = ImmutableSortedDictionary<string, string>.Empty }, actual with { Fields = ImmutableSortedDictionary<string, string>.Empty });
            Assert.Equal(expected.Fields, actual.Fields);
        }
    }

    /// <summary>The obligation's fields with every field of its type given (those the record does not know filled in).</summary>
    internal static ImmutableSortedDictionary<string, string> Complete(Obligation obligation) =>
        obligation.Type.Fields.ToImmutableSortedDictionary(
            f => f.Name,
            f => obligation.Fields.GetValueOrDefault(f.Name) ?? f.Type switch
            {
                FieldType.WholeNumber => "2011",
                _ => $"{f.Name}-value",
            },
            StringComparer.Ordinal);
}
