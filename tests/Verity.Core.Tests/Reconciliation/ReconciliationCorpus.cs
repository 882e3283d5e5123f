using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Tests.Analysis.Replay;
using Verity.Core.Tests.Exchanges;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Reconciliation;

/// <summary>
/// The honest record of each party from the bundled replay: its database at every scheduled exchange while the
/// treaty is in force for it, and every obligation provided as <see cref="NotificationPlan"/> does.
/// </summary>
public sealed class ReconciliationCorpus
{
    public static readonly LocalDate AsOf = new(2026, 2, 4);

    public ReconciliationCorpus()
    {
        Record = new NewStartRecord();
        Definition = ExchangeData.NewStart;
        foreach (var code in new[] { "US", "RU" })
        {
            var party = PartyCode.Parse(code);
            var databases = Definition.ScheduleFrom(Treaty.Dates.EntryIntoForce).Exchanges(AsOf)
                .Where(e => Treaty.StandingAt(e.AsOf, party) == TreatyStanding.InForce)
                .Select(e => Database.Build(Definition, Treaty, Ledger, party, e.AsOf))
                .ToImmutableArray();
            var notifications = NotificationPlan.Provide(ObligationGenerator.Generate(Treaty, party, Ledger, [], [], AsOf));
            Honest[party] = (databases, notifications);
        }
    }

    public NewStartRecord Record { get; }

    public Treaty Treaty => Record.Treaty;

    public Ledger Ledger => Record.Ledger;

    public ExchangeDefinition Definition { get; }

    public Dictionary<PartyCode, (ImmutableArray<Database> Databases, ImmutableArray<NotificationDocument> Notifications)> Honest { get; } = [];

    /// <summary>Reconciles one party's record as given, on <see cref="AsOf"/>.</summary>
    public ReconciliationReport Reconcile(PartyCode party, IEnumerable<Database> databases, IEnumerable<NotificationDocument> notifications) =>
        Reconciler.Reconcile(Treaty, Definition, party, databases, notifications, AsOf);

    /// <summary>
    /// The first change notification of the party after its first database that <paramref name="where"/> accepts, given
    /// the item's other changes in the same period (before the next database), in the order they apply.
    /// </summary>
    public NotificationDocument Change(PartyCode party, Func<NotificationDocument, ImmutableArray<NotificationDocument>, bool> where)
    {
        var (databases, notifications) = Honest[party];
        var changes = NotifiedChanges.InOrder(notifications.Where(d => d.Type == "change-in-data" && d.Triggered > databases[0].AsOf && d.Triggered <= databases[^1].AsOf)).ToList();
        return changes.First(d =>
        {
            var next = databases.First(b => b.AsOf >= d.Triggered).AsOf;
            var previous = databases.Last(b => b.AsOf < d.Triggered).AsOf;
            return where(d, [.. changes.Where(o => o.Fields["uid"] == d.Fields["uid"] && o.Triggered > previous && o.Triggered <= next)]);
        });
    }

    /// <summary>The party's database after <paramref name="date"/> (the first as of that date or later).</summary>
    public Database NextDatabase(PartyCode party, LocalDate date) => Honest[party].Databases.First(d => d.AsOf >= date);
}
