using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Verity.Core.Exchanges;
using Verity.Core.Loading;
using Verity.Core.Records;
using Verity.Core.Tests.Reconciliation;

namespace Verity.Core.Tests.Records;

/// <summary>
/// Each party's honest record as a log would hold it: every database of <see cref="ReconciliationCorpus"/> as a
/// <c>declaration</c> entry (its canonical JSON, as <c>verity exchange --out</c> writes it) and every notification as a
/// <c>notification</c> entry (the document as <c>verity notify --export</c> writes it), in the order provided; and the
/// <see cref="PartyRecord"/> built from them, timed.
/// </summary>
public sealed class RecordCorpus
{
    public RecordCorpus()
    {
        Corpus = new ReconciliationCorpus();
        foreach (var (party, (databases, notifications)) in Corpus.Honest)
        {
            var entries = EntriesOf(databases, notifications);
            Entries[party] = entries;
            var clock = Stopwatch.StartNew();
            Records[party] = PartyRecord.Build(Corpus.Treaty, Corpus.Definition, party, entries);
            BuildTimes[party] = clock.Elapsed;
        }
    }

    public ReconciliationCorpus Corpus { get; }

    public Dictionary<PartyCode, ImmutableArray<RecordEntry>> Entries { get; } = [];

    public Dictionary<PartyCode, PartyRecord> Records { get; } = [];

    public Dictionary<PartyCode, TimeSpan> BuildTimes { get; } = [];

    /// <summary>Declarations and notifications in the order a party would provide them: by date, a database on its as-of date before that day's notifications.</summary>
    public ImmutableArray<RecordEntry> EntriesOf(IEnumerable<Database> databases, IEnumerable<Verity.Core.Notifications.NotificationDocument> notifications)
    {
        var statements = databases.Select(d => (Date: d.AsOf.AtMidnight(), Type: StatementTypes.Declaration, Body: d.ToJson().ToArray()))
            .Concat(notifications.Select(n => (Date: n.Sent, Type: StatementTypes.Notification, Body: Encoding.UTF8.GetBytes(NotificationWriter.ToJson(n, Corpus.Treaty)))))
            .OrderBy(s => s.Date)
            .ToList();
        return [.. statements.Select((s, i) => new RecordEntry(i, s.Type, s.Body))];
    }
}
