using System.Collections.Immutable;
using System.Text;
using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Records;
using Verity.Core.Tests.Reconciliation;
using Verity.Core.Treaties;
using Xunit.Abstractions;

namespace Verity.Core.Tests.Records;

/// <summary>
/// The acid test of the derived views: each party's honest record, turned into the declaration and notification
/// entries of its log, gives back at every database date the compliance the replay's ledger gives, no reconciliation
/// finding, and the deadlines the CLI derives from the ledger; planted faults are reported, never thrown.
/// </summary>
public class PartyRecordTests(RecordCorpus records, ITestOutputHelper output) : IClassFixture<RecordCorpus>
{
    private static readonly PartyCode US = PartyCode.Parse("US");
    private static readonly PartyCode RU = PartyCode.Parse("RU");

    private Treaty Treaty => records.Corpus.Treaty;

    [Theory]
    [InlineData("US")]
    [InlineData("RU")]
    public void Build_HonestRecord_EveryEntryReadBack(string code)
    {
        var party = PartyCode.Parse(code);
        var (databases, notifications) = records.Corpus.Honest[party];

        var record = records.Records[party];

        output.WriteLine($"{code}: {record.Size} entries ({databases.Length} databases, {notifications.Length} notifications) built in {records.BuildTimes[party].TotalMilliseconds:F0} ms");
        Assert.Empty(record.Diagnostics);
        Assert.Equal(databases.Length, record.Declarations.Length);
        Assert.Equal(notifications.Length, record.Notifications.Length);
        Assert.Equal(databases.Select(d => d.Hash), record.Declarations.Select(d => d.Database.Hash));
    }

    [Theory]
    [InlineData("US")]
    [InlineData("RU")]
    public void ComplianceAt_EveryDatabaseDate_EqualsEvaluatorOverTheLedger(string code)
    {
        var party = PartyCode.Parse(code);
        var record = records.Records[party];
        var compared = 0;

        foreach (var declaration in record.Declarations)
        {
            var date = declaration.Database.AsOf;
            var derived = record.ComplianceAt(date);
            var ledger = ComplianceEvaluator.Evaluate(Treaty, records.Corpus.Ledger.AsOf(date), date, Interpretation.Agreed, party);

            Assert.Same(declaration, derived.Forces.Basis);
            Assert.Equal(Describe(ledger), Describe(derived.Report));
            foreach (var (limit, value) in derived.Declared)
            {
                Assert.Equal(value, derived.Report[party.Value]![limit]!.Value);
            }

            compared += ledger.Scopes.Sum(s => s.Limits.Length);
        }

        output.WriteLine($"{code}: {record.Declarations.Length} dates, {compared} limit values compared");
        Assert.True(record.Declarations.Length >= 24, $"{record.Declarations.Length} databases");
    }

    [Theory]
    [InlineData("US")]
    [InlineData("RU")]
    public void FindingsAt_HonestRecordOnTheLastDayInForce_NoFindings(string code)
    {
        var record = records.Records[PartyCode.Parse(code)];

        var report = record.FindingsAt(ReconciliationCorpus.AsOf);

        Assert.Empty(report.Findings);
        Assert.Equal(record.Declarations.Length, report.Databases);
        Assert.True(report.Notifications > 0, $"{report.Notifications} notifications applied");
    }

    [Theory]
    [InlineData("US")]
    [InlineData("RU")]
    public void DeadlinesAt_EveryDatabaseDateAndTheLastDay_EqualTheCliDerivationFromTheLedger(string code)
    {
        var party = PartyCode.Parse(code);
        var record = records.Records[party];
        var dates = record.Declarations.Select(d => d.Database.AsOf).Append(ReconciliationCorpus.AsOf).ToList();

        foreach (var date in dates)
        {
            // As `verity deadlines` does (NotificationRecord): owed from the ledger, provided as the honest plan provides.
            var owed = ObligationGenerator.Generate(Treaty, party, records.Corpus.Ledger, [], [], date);
            var cli = DeadlineTracker.Track(Treaty, party, owed, NotificationPlan.Provide(owed), date);

            var derived = record.DeadlinesAt(date);

            Assert.Equal(States(cli), States(derived.Report));
            Assert.Empty(derived.Report.Unmatched);
            Assert.Equal(cli.TreatyYears.AsEnumerable(), derived.Report.TreatyYears.AsEnumerable());
        }

        Assert.Empty(record.DeadlinesAt(ReconciliationCorpus.AsOf).NotAssessed);
    }

    [Fact]
    public void Append_RestOfTheLog_SameRecordAsBuildingItWhole()
    {
        var entries = records.Entries[US];
        var half = entries.Length / 2;
        var whole = records.Records[US];

        var appended = PartyRecord.Build(Treaty, records.Corpus.Definition, US, entries[..half]).Append(entries[half..]);

        Assert.Equal(whole.Size, appended.Size);
        Assert.Equal(whole.Declarations.Select(d => (d.Index, d.Database.Hash)), appended.Declarations.Select(d => (d.Index, d.Database.Hash)));
        Assert.Equal(whole.Notifications.Select(n => (n.Index, n.Document.Key)), appended.Notifications.Select(n => (n.Index, n.Document.Key)));
        Assert.Throws<ArgumentException>(() => appended.Append([entries[0]]));
    }

    [Fact]
    public void Append_ReadSideBySideOrOneAtATime_SameRecordWithTheProblemsInLogOrder()
    {
        // Bad entries among good ones, so that a body read out of turn would put its problem out of turn.
        var honest = records.Entries[US];
        var planted = honest.Take(40).Select(e => e.Body)
            .Concat(["{\"type\": \"change-in-data\"}"u8.ToArray(), records.Corpus.Honest[RU].Databases[0].ToJson().ToArray()])
            .Concat(honest.Skip(40).Take(60).Select(e => e.Body))
            .Concat([new byte[] { 0xff }]);
        var types = honest.Take(40).Select(e => e.Type)
            .Concat([StatementTypes.Notification, StatementTypes.Declaration])
            .Concat(honest.Skip(40).Take(60).Select(e => e.Type))
            .Concat([StatementTypes.Notification]);
        var entries = types.Zip(planted, (type, body) => (type, body)).Select((e, i) => new RecordEntry(i, e.type, e.body)).ToList();

        var together = PartyRecord.Build(Treaty, records.Corpus.Definition, US, entries);
        var alone = entries.Aggregate(PartyRecord.Build(Treaty, records.Corpus.Definition, US, []), (record, entry) => record.Append([entry]));

        Assert.Equal(entries.Count, together.Size);
        Assert.Equal(alone.Diagnostics.ToArray(), together.Diagnostics.ToArray());
        Assert.Equal(["entry 40", "entry 41", $"entry {entries.Count - 1}"], together.Diagnostics.Select(d => d.Source).Distinct());
        Assert.Equal(alone.Declarations.Select(d => (d.Index, d.Database.Hash)), together.Declarations.Select(d => (d.Index, d.Database.Hash)));
        Assert.Equal(alone.Notifications.Select(n => (n.Index, n.Document.Key)), together.Notifications.Select(n => (n.Index, n.Document.Key)));
    }

    [Fact]
    public void CheckAll_WholeLogOnAnEmptyRecord_EachCheckedAfterTheOnesBeforeAndSameRecordAsBuild()
    {
        var entries = records.Entries[US];
        var whole = records.Records[US];
        var empty = PartyRecord.Build(Treaty, records.Corpus.Definition, US, []);

        var (index, problems, record) = empty.CheckAll([.. entries.Select(e => (e.Type, e.Body))]);

        Assert.True(index < 0, string.Join("; ", problems));
        Assert.NotNull(record);
        Assert.Equal(whole.Size, record.Size);
        Assert.Equal(whole.Declarations.Select(d => (d.Index, d.Database.Hash)), record.Declarations.Select(d => (d.Index, d.Database.Hash)));
        Assert.Equal(whole.Notifications.Select(n => (n.Index, n.Document.Key)), record.Notifications.Select(n => (n.Index, n.Document.Key)));
        Assert.Equal(whole.Diagnostics, record.Diagnostics);
        // The notifications passed because the databases before them in the same list declare their items: alone, one fails.
        var alone = entries.Where(e => e.Type == StatementTypes.Notification).First(e => !empty.Check(e.Type, e.Body.Span).IsEmpty);
        Assert.Contains(empty.Check(alone.Type, alone.Body.Span), d => d.Path.StartsWith("fields.", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckAll_ManyStatementsTwoBad_TheFirstInOrderIsNamed()
    {
        var record = records.Records[US];
        var change = record.Notifications.Select(n => n.Document).First(d => d.Fields.GetValueOrDefault("kind") == "icbm");
        var statements = Enumerable.Range(0, 64)
            .Select(i => (StatementTypes.Notification, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(NotificationWriter.ToJson(change with { Number = $"US-97{i:D4}" }, Treaty))))
            .ToList();
        statements[50] = (StatementTypes.Notification, (ReadOnlyMemory<byte>)"{}"u8.ToArray());
        statements[17] = (StatementTypes.Declaration, (ReadOnlyMemory<byte>)records.Corpus.Honest[RU].Databases[0].ToJson().ToArray());

        var (index, problems, extended) = record.CheckAll(statements);

        Assert.Equal(17, index);
        Assert.Null(extended);
        Assert.Equal("party", Assert.Single(problems).Path);
    }

    [Fact]
    public void CheckAll_OneNumberTwice_SecondRefusedNamingTheFirstAndNoRecord()
    {
        var record = records.Records[US];
        var change = record.Notifications.Select(n => n.Document).First(d => d.Fields.GetValueOrDefault("kind") == "icbm");
        ReadOnlyMemory<byte> body = Encoding.UTF8.GetBytes(NotificationWriter.ToJson(change with { Number = "US-999995" }, Treaty));

        var (index, problems, extended) = record.CheckAll([(StatementTypes.Note, "a remark"u8.ToArray()), (StatementTypes.Notification, body), (StatementTypes.Notification, body)]);

        Assert.Equal(2, index);
        Assert.Null(extended);
        var problem = Assert.Single(problems);
        Assert.Equal("number", problem.Path);
        Assert.Contains($"'US-999995' is already used by entry {record.Size + 1}", problem.Message, StringComparison.Ordinal);
        Assert.Empty(record.Check(StatementTypes.Notification, body.Span));
    }

    [Fact]
    public void ForcesAt_BeforeAnyDeclaration_NoBasisAndNoItems()
    {
        var forces = records.Records[US].ForcesAt(new LocalDate(2011, 2, 4));

        Assert.Null(forces.Basis);
        Assert.Empty(forces.Inventory);
    }

    [Fact]
    public void ForcesAt_BetweenDatabases_AppliesTheChangesNotifiedSince()
    {
        var record = records.Records[US];
        var move = record.Notifications.Select(n => n.Document)
            .Last(d => d.Fields.GetValueOrDefault("kind") is "icbm" or "slbm" or "heavy-bomber" && d.Fields.GetValueOrDefault("event") is "moved" or "status-changed" or "deployed"
                && record.Declarations.All(x => x.Database.AsOf != d.Triggered));
        var basis = record.Declarations.Last(d => d.Database.AsOf < move.Triggered).Database;

        var forces = record.ForcesAt(move.Triggered);

        Assert.Equal(basis.AsOf, forces.Basis!.Database.AsOf);
        Assert.Contains(forces.Applied, n => n.Document.Number == move.Number);
        var item = Assert.Single(forces.Listed, i => i.Uid == move.Fields["uid"]);
        Assert.Equal(move.Fields["status"], item.Status);
        Assert.Equal(move.Fields["location"], item.Location);
    }

    [Fact]
    public void HistoryOf_ListedMissile_EveryListingAndNotificationInDateOrder()
    {
        var record = records.Records[US];
        var uid = record.Notifications.Select(n => n.Document).First(d => d.Fields.GetValueOrDefault("kind") == "icbm").Fields["uid"];

        var history = record.HistoryOf(uid);

        Assert.Equal(record.Declarations.Count(d => d.Database.ListedItems().ContainsKey(uid)), history.Count(h => h.Listed is not null));
        Assert.Equal(record.Notifications.Count(n => n.Document.Fields.GetValueOrDefault("uid") == uid), history.Count(h => h.Notification is not null));
        Assert.Equal(history.Select(h => h.Date).Order(), history.Select(h => h.Date));
        Assert.Empty(record.HistoryOf("US-NO-SUCH-ITEM"));
    }

    [Fact]
    public void Build_BadBodies_DiagnosticsNamingTheEntryIndexAndFieldViewsStillDerived()
    {
        var entries = records.Entries[US];
        var bad = entries.Length;
        var database = Encoding.UTF8.GetString(records.Corpus.Honest[US].Databases[0].ToJson()).Replace("\"as_of\":\"2011-02-05\"", "\"as_of\":\"2011-02-30\"", StringComparison.Ordinal);
        var planted = entries
            .Add(new RecordEntry(bad, StatementTypes.Declaration, Encoding.UTF8.GetBytes(database)))
            .Add(new RecordEntry(bad + 1, StatementTypes.Notification, "{\"type\": \"change-in-data\"}"u8.ToArray()))
            .Add(new RecordEntry(bad + 2, "exhibition-report", "{}"u8.ToArray()))
            .Add(new RecordEntry(bad + 3, StatementTypes.Declaration, records.Corpus.Honest[RU].Databases[0].ToJson().ToArray()))
            .Add(new RecordEntry(bad + 4, StatementTypes.Notification, new byte[] { 0xff, 0xfe }));

        var record = PartyRecord.Build(Treaty, records.Corpus.Definition, US, planted);

        Assert.Contains(record.Diagnostics, d => d.Source == $"entry {bad}" && d.Path == "as_of");
        Assert.Contains(record.Diagnostics, d => d.Source == $"entry {bad + 1}" && d.Message.Contains("missing required field", StringComparison.Ordinal));
        Assert.Contains(record.Diagnostics, d => d.Source == $"entry {bad + 2}" && d.Path == "type" && d.Message.Contains("unknown statement type 'exhibition-report'", StringComparison.Ordinal));
        Assert.Contains(record.Diagnostics, d => d.Source == $"entry {bad + 3}" && d.Path == "party");
        Assert.Contains(record.Diagnostics, d => d.Source == $"entry {bad + 4}" && d.Message.Contains("not UTF-8", StringComparison.Ordinal));
        Assert.Equal(5, record.Diagnostics.Select(d => d.Source).Distinct().Count());
        Assert.Equal(records.Records[US].Declarations.Length, record.Declarations.Length);
        Assert.Empty(record.FindingsAt(ReconciliationCorpus.AsOf).Findings);
    }

    [Fact]
    public void FindingsAt_ItemEliminatedThenNotifiedAgain_EliminatedItemReappears()
    {
        var honest = records.Corpus.Honest[US];
        var eliminated = honest.Notifications.First(d => d.Fields.GetValueOrDefault("event") == "eliminated" && d.Fields.GetValueOrDefault("kind") is "icbm" or "slbm" or "heavy-bomber");
        var uid = eliminated.Fields["uid"];
        var again = eliminated with
        {
            Number = "US-999999",
            Subject = $"{uid}:moved",
            Triggered = eliminated.Triggered.PlusDays(20),
            Sent = eliminated.Sent.PlusDays(20),
            Fields = eliminated.Fields.SetItem("event", "moved").SetItem("status", "non-deployed").SetItem("date", eliminated.Triggered.PlusDays(20).ToString("yyyy-MM-dd", null)),
        };

        var record = PartyRecord.Build(Treaty, records.Corpus.Definition, US, records.EntriesOf(honest.Databases, honest.Notifications.Add(again)));

        Assert.Empty(record.Diagnostics);
        var finding = Assert.Single(record.FindingsAt(ReconciliationCorpus.AsOf).Findings);
        Assert.Equal(FindingKind.EliminatedItemReappears, finding.Kind);
        Assert.Equal(uid, finding.Subject);
        Assert.Equal("notification US-999999", finding.Evidence);
    }

    [Fact]
    public void Check_StatementsThatDoNotFit_EachNamesItsField()
    {
        var record = records.Records[US];
        var notification = record.Notifications[0].Document;
        var change = record.Notifications.Select(n => n.Document).First(d => d.Fields.GetValueOrDefault("kind") == "icbm");
        var undeclaredChange = change with { Number = "US-999997", Fields = change.Fields.SetItem("uid", "US-ICBM-NEVER-0001").SetItem("event", "moved"), Subject = "US-ICBM-NEVER-0001:moved" };

        Assert.Contains(record.Check("exhibition-report", "{}"u8), d => d.Path == "type" && d.Message.Contains("declaration, notification, key-rotation", StringComparison.Ordinal));
        Assert.Contains(record.Check(StatementTypes.Declaration, records.Corpus.Honest[RU].Databases[0].ToJson()), d => d.Path == "party");
        Assert.Contains(record.Check(StatementTypes.Declaration, "{"u8), d => d.Message.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.Contains(record.Check(StatementTypes.Notification, Encoding.UTF8.GetBytes(NotificationWriter.ToJson(undeclaredChange, Treaty))), d => d.Path == "fields.uid");
        Assert.Contains(record.Check(StatementTypes.Notification, Encoding.UTF8.GetBytes(NotificationWriter.ToJson(notification, Treaty))), d => d.Path == "number");
        Assert.Empty(record.Check(StatementTypes.Notification, Encoding.UTF8.GetBytes(NotificationWriter.ToJson(change with { Number = "US-999996" }, Treaty))));
        Assert.Empty(record.Check(StatementTypes.Declaration, records.Corpus.Honest[US].Databases[^1].ToJson()));
        Assert.Empty(record.Check(StatementTypes.KeyRotation, "anything"u8));
    }

    [Fact]
    public void Build_WithoutDefinition_ReadsNotificationsAndReportsEachDeclaration()
    {
        var (databases, notifications) = records.Corpus.Honest[US];
        var entries = records.Entries[US];

        var record = PartyRecord.Build(Treaty, definition: null, US, entries);

        Assert.Null(record.Definition);
        Assert.Empty(record.Declarations);
        Assert.Equal(notifications.Length, record.Notifications.Length);
        Assert.Equal(databases.Length, record.Diagnostics.Length);
        var declarationIndexes = entries.Where(e => e.Type == StatementTypes.Declaration).Select(e => $"entry {e.Index}");
        Assert.Equal(declarationIndexes, record.Diagnostics.Select(d => d.Source));
        Assert.All(record.Diagnostics, d => Assert.Equal(("type", $"treaty {Treaty.Id} has no data exchange: declarations cannot be read"), (d.Path, d.Message)));
        Assert.Null(record.ComplianceAt(ReconciliationCorpus.AsOf).Forces.Basis);
        var findings = record.FindingsAt(ReconciliationCorpus.AsOf);
        Assert.Equal((0, 0), (findings.Databases, findings.Notifications));
        Assert.Empty(findings.Findings);
    }

    [Fact]
    public void Check_DeclarationWithoutDefinition_RefusedNamingTypeAndNotificationNotCheckedAgainstDatabases()
    {
        var record = PartyRecord.Build(Treaty, definition: null, US, []);
        var change = records.Records[US].Notifications.Select(n => n.Document).First(d => d.Fields.GetValueOrDefault("kind") == "icbm");

        var declaration = record.Check(StatementTypes.Declaration, records.Corpus.Honest[US].Databases[0].ToJson());
        var notification = record.Check(StatementTypes.Notification, Encoding.UTF8.GetBytes(NotificationWriter.ToJson(change, Treaty)));

        var problem = Assert.Single(declaration);
        Assert.Equal(("statement", "type"), (problem.Source, problem.Path));
        Assert.Equal($"treaty {Treaty.Id} has no data exchange: declarations cannot be read", problem.Message);
        Assert.Empty(notification);
    }

    private static List<string> Describe(ComplianceReport report) =>
        [.. report.Scopes.SelectMany(s => s.Limits.Select(l => $"{s.Scope} {l.Limit.Id} {l.Value} {l.Status}"))];

    private static List<string> States(DeadlineReport report) =>
        [.. report.Obligations.Select(o => $"{o.Obligation.Key} {o.State}").Order(StringComparer.Ordinal)];
}
