using System.Collections.Immutable;
using NodaTime;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Replay;
using Verity.Core.Treaties;

namespace Verity.Node.Tests;

/// <summary>
/// The bundled New START record replayed once: the United States' first two databases (as of entry into force and
/// 2011-09-01) and the notifications it owed up to the second, provided as the honest plan provides them, and a
/// Russian database for statements that belong to another party.
/// </summary>
public sealed class ReplayedRecord
{
    public static readonly LocalDate First = new(2011, 2, 5);
    public static readonly LocalDate Second = new(2011, 9, 1);
    public static readonly PartyCode US = PartyCode.Parse("US");
    public static readonly PartyCode RU = PartyCode.Parse("RU");

    public ReplayedRecord()
    {
        Treaty = TreatyReader.Parse(File.ReadAllText(DataPath("treaties", "new-start.yaml")), "new-start.yaml");
        var model = HistoryReader.ReadForceModel(File.ReadAllText(DataPath("history", "new-start-forces.yaml")), "new-start-forces.yaml");
        using var aggregates = new StreamReader(DataPath("history", "new-start-aggregates.csv"));
        using var breakdowns = new StreamReader(DataPath("history", "new-start-breakdowns.csv"));
        Ledger = ReplayRunner.Run(Treaty, model, HistoryReader.ReadAggregates(aggregates, "aggregates"), HistoryReader.ReadBreakdowns(breakdowns, "breakdowns"), Interpretation.Agreed).Ledger;
        Definition = ExchangeReader.Parse(File.ReadAllText(DataPath("exchanges", "new-start.yaml")), "new-start.yaml", Treaty);
        Databases = [Database.Build(Definition, Treaty, Ledger, US, First), Database.Build(Definition, Treaty, Ledger, US, Second)];
        Russian = Database.Build(Definition, Treaty, Ledger, RU, First);
        Owed = ObligationGenerator.Generate(Treaty, US, Ledger, [], [], Second);
        Notifications = NotificationPlan.Provide(Owed);
    }

    public Treaty Treaty { get; }

    public Ledger Ledger { get; }

    public ExchangeDefinition Definition { get; }

    public ImmutableArray<Database> Databases { get; }

    public Database Russian { get; }

    public ImmutableArray<Obligation> Owed { get; }

    public ImmutableArray<NotificationDocument> Notifications { get; }

    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);
}
