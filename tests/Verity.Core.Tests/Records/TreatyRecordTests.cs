using System.Collections.Immutable;
using System.Text;
using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Records;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Records;

/// <summary>
/// The treaty's record over the parties' honest records: a group's limit counts every member's forces (as the
/// evaluator does over the replay's whole ledger), a missing member makes the group's value unknown, and replies to
/// the other party's notifications are owed and assessed from that party's record.
/// </summary>
public class TreatyRecordTests(RecordCorpus records) : IClassFixture<RecordCorpus>
{
    private static readonly PartyCode US = PartyCode.Parse("US");
    private static readonly PartyCode RU = PartyCode.Parse("RU");
    private static readonly LocalDate Date = new(2019, 3, 1);

    /// <summary>New START with an exercise group of both parties and a warheads limit for the two together.</summary>
    private Treaty GroupTreaty
    {
        get
        {
            var treaty = records.Corpus.Treaty;
            var warheads = treaty.FindLimit("warheads")!;
            return treaty with
            {
                Groups = [new PartyGroup("both", "Both parties", [US, RU])],
                Limits = treaty.Limits.Add(warheads with { Id = "both-warheads", Schedule = [warheads.Schedule[0] with { Max = 3000 }], Scope = LimitScope.ForGroup("both") }),
            };
        }
    }

    [Fact]
    public void ComplianceAt_GroupLimitBothRecordsHeld_CountsEveryMembersItems()
    {
        var treaty = GroupTreaty;
        var record = TreatyRecord.Create(treaty, [Build(treaty, RU), Build(treaty, US)]);

        var compliance = record.ComplianceAt(Date);

        var group = compliance["both"]!;
        var ledger = ComplianceEvaluator.Evaluate(treaty, records.Corpus.Ledger.AsOf(Date), Date, Interpretation.Agreed);
        var want = ledger["both"]!["both-warheads"]!;
        var us = compliance[US]!.Report["US"]!["warheads"]!.Value;
        var ru = compliance[RU]!.Report["RU"]!["warheads"]!.Value;
        Assert.True(group.IsKnown);
        Assert.Equal<PartyCode>([US, RU], group.Held);
        Assert.Empty(group.Missing);
        Assert.Equal(want.Value, group["both-warheads"]!.Value);
        Assert.Equal(us + ru, group["both-warheads"]!.Value);
        Assert.True(us > 0 && ru > 0, $"US {us}, RU {ru}");
        Assert.Equal(want.Status, group["both-warheads"]!.Status);
        Assert.Equal<PartyCode>([US, RU], record.Records.Select(r => r.Party));
        Assert.Empty(record.Missing);
    }

    [Fact]
    public void ComplianceAt_GroupMemberRecordMissing_ValueAndStatusUnknownNamingTheMissingMember()
    {
        var treaty = GroupTreaty;
        var record = TreatyRecord.Create(treaty, [Build(treaty, US)]);

        var compliance = record.ComplianceAt(Date, US);

        var group = Assert.Single(compliance.GroupsOf(US));
        Assert.False(group.IsKnown);
        Assert.Equal<PartyCode>([US], group.Held);
        Assert.Equal<PartyCode>([RU], group.Missing);
        var limit = group["both-warheads"]!;
        Assert.Null(limit.Value);
        Assert.Null(limit.Margin);
        Assert.Null(limit.Status);
        Assert.Equal<PartyCode>([RU], compliance.Missing);
        Assert.Null(compliance[RU]);
        Assert.NotNull(compliance[US]);
        Assert.All(compliance[US]!.Report.Scopes, s => Assert.Equal("US", s.Scope));
    }

    [Fact]
    public void ComplianceAt_GroupMemberDeclaredNothingYet_ValueUnknownAndStatusThatDoesNotTurnOnItGiven()
    {
        var treaty = GroupTreaty;
        var record = TreatyRecord.Create(treaty, [Build(treaty, US), PartyRecord.Build(treaty, records.Corpus.Definition, RU, [])]);

        var before = record.ComplianceAt(new LocalDate(2017, 3, 1))["both"]!;

        Assert.Equal<PartyCode>([RU], before.Undeclared);
        Assert.Equal<PartyCode>([US], before.Counted);
        Assert.Null(before["both-warheads"]!.Value);
        Assert.Equal(LimitStatus.NotYetInEffect, before["both-warheads"]!.Status);
    }

    [Fact]
    public void Create_TwoRecordsOfOneParty_ThrowsNamingTheParty()
    {
        var empty = PartyRecord.Build(records.Corpus.Treaty, records.Corpus.Definition, US, []);

        var error = Assert.Throws<ArgumentException>(() => TreatyRecord.Create(records.Corpus.Treaty, [empty, empty]));

        Assert.Contains("2 records of US", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "2019-04-01", DeadlineState.Pending)] // no reply yet, the 60 days not run out
    [InlineData(null, "2019-06-01", DeadlineState.Overdue)] // no reply, 60 days after receipt passed
    [InlineData("2019-04-20", "2019-06-01", DeadlineState.OnTime)]
    [InlineData("2019-05-20", "2019-06-01", DeadlineState.Late)]
    public void DeadlinesAt_ReplyToTheOtherPartysNotification_OwedAndAssessed(string? replied, string asOf, DeadlineState want)
    {
        var treaty = records.Corpus.Treaty;
        var (russian, american) = Telemetry(treaty, replied);
        var record = TreatyRecord.Create(treaty, [russian, american]);

        var deadlines = record.DeadlinesAt(US, LocalDate.FromDateTime(DateTime.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)))!;

        var reply = Assert.Single(deadlines.Report.Obligations, o => o.Obligation.Type.Id == "telemetry-deficiency-explanation");
        Assert.Equal("RU-T-1", reply.Obligation.Subject);
        Assert.Equal(new LocalDateTime(2019, 5, 9, 23, 59, 59), reply.Obligation.Due); // 60 days after receipt, to the end of the day
        Assert.Equal(want, reply.State);
        Assert.Empty(deadlines.NotAssessed);
        Assert.Empty(deadlines.Report.Unmatched);
        Assert.Equal<PartyCode>([RU], deadlines.ReceivedFrom);
        Assert.Empty(deadlines.NotHeld);
    }

    [Fact]
    public void DeadlinesAt_OtherPartysRecordNotHeld_ReplyNotAssessed()
    {
        var treaty = records.Corpus.Treaty;
        var (_, american) = Telemetry(treaty, "2019-04-20");
        var record = TreatyRecord.Create(treaty, [american]);

        var deadlines = record.DeadlinesAt(US, new LocalDate(2019, 6, 1))!;
        var alone = american.DeadlinesAt(new LocalDate(2019, 6, 1));

        Assert.DoesNotContain(deadlines.Report.Obligations, o => o.Obligation.Type.Id == "telemetry-deficiency-explanation");
        Assert.Equal("US-R-1", Assert.Single(deadlines.NotAssessed).Number);
        Assert.Empty(deadlines.Report.Unmatched);
        Assert.Equal<PartyCode>([RU], deadlines.NotHeld);
        Assert.Equal("US-R-1", Assert.Single(alone.NotAssessed).Number);
        Assert.Null(record.DeadlinesAt(RU, new LocalDate(2019, 6, 1)));
    }

    [Fact]
    public void DeadlinesAt_ReplyToNothingReceivedWhenEveryRecordHeld_Unmatched()
    {
        var treaty = records.Corpus.Treaty;
        var (_, american) = Telemetry(treaty, "2019-04-20");
        var record = TreatyRecord.Create(treaty, [PartyRecord.Build(treaty, records.Corpus.Definition, RU, []), american]);

        var deadlines = record.DeadlinesAt(US, new LocalDate(2019, 6, 1))!;

        Assert.Equal("US-R-1", Assert.Single(deadlines.Report.Unmatched).Number);
        Assert.Empty(deadlines.NotAssessed);
    }

    private PartyRecord Build(Treaty treaty, PartyCode party) =>
        PartyRecord.Build(treaty, records.Corpus.Definition, party, records.Entries[party]);

    /// <summary>A Russian telemetry notification received on 2019-03-10 09:00 and, when <paramref name="replied"/> is given, the American explanation sent that day.</summary>
    private (PartyRecord Russian, PartyRecord American) Telemetry(Treaty treaty, string? replied)
    {
        var sent = new LocalDateTime(2019, 3, 10, 9, 0);
        var deficiency = new NotificationDocument("telemetry-deficiency", RU, "RU-T-1", sent, "RU-T-1", sent.Date, Fields(("launch", "US-L-2019-02"), ("deficiency", "tape 3 unreadable")));
        var russian = PartyRecord.Build(treaty, records.Corpus.Definition, RU, [Entry(0, deficiency, treaty)]);
        ImmutableArray<RecordEntry> entries = [];
        if (replied is not null)
        {
            var at = LocalDate.FromDateTime(DateTime.Parse(replied, System.Globalization.CultureInfo.InvariantCulture)).At(new LocalTime(12, 0));
            var explanation = new NotificationDocument("telemetry-deficiency-explanation", US, "US-R-1", at, "RU-T-1", sent.Date, Fields(("reply_to", "RU-T-1"), ("explanation", "tape 3 re-sent")));
            entries = [Entry(0, explanation, treaty)];
        }

        var american = PartyRecord.Build(treaty, records.Corpus.Definition, US, entries);
        Assert.Empty(russian.Diagnostics);
        Assert.Empty(american.Diagnostics);
        return (russian, american);
    }

    private static RecordEntry Entry(long index, NotificationDocument document, Treaty treaty) =>
        new(index, StatementTypes.Notification, Encoding.UTF8.GetBytes(NotificationWriter.ToJson(document, treaty)));

    private static ImmutableSortedDictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToImmutableSortedDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}
