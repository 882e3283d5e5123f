using Verity.Core.Analysis.Replay;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Analysis.Replay;

/// <summary>The bundled New START record (data/history/new-start-*), read once and replayed under ru-2022.</summary>
public sealed class NewStartRecord
{
    public NewStartRecord()
    {
        Treaty = TestData.NewStart;
        Model = HistoryReader.ReadForceModel(File.ReadAllText(TestData.DataPath("history", "new-start-forces.yaml")), "new-start-forces.yaml");
        using (var aggregates = new StreamReader(TestData.DataPath("history", "new-start-aggregates.csv")))
        {
            Figures = HistoryReader.ReadAggregates(aggregates, "new-start-aggregates.csv");
        }

        using (var breakdowns = new StreamReader(TestData.DataPath("history", "new-start-breakdowns.csv")))
        {
            Breakdowns = HistoryReader.ReadBreakdowns(breakdowns, "new-start-breakdowns.csv");
        }

        Treaty.TryGetInterpretation("ru-2022", out var reading);
        Result = ReplayRunner.Run(Treaty, Model, Figures, Breakdowns, reading);
    }

    public Treaty Treaty { get; }

    public ForceModel Model { get; }

    public System.Collections.Immutable.ImmutableArray<PublishedFigure> Figures { get; }

    public System.Collections.Immutable.ImmutableArray<PublishedBreakdown> Breakdowns { get; }

    public ReplayResult Result { get; }

    public Ledger Ledger => Result.Ledger;
}
