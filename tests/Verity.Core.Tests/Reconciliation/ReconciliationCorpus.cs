using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Notifications;
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
}
