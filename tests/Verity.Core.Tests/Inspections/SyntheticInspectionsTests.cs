using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Inspections;
using Verity.Core.Loading;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Inspections;

public class SyntheticInspectionsTests
{
    private static readonly Lazy<ImmutableArray<PublishedInspectionCount>> Record = new(() =>
    {
        using var reader = new StreamReader(DataPath("history", "new-start-inspections.csv"));
        return HistoryReader.ReadInspectionCounts(reader, "new-start-inspections.csv", NewStart);
    });

    private static readonly LocalDate LastDay = new(2026, 2, 4);

    private static readonly Lazy<ImmutableArray<Inspection>> Synthetic = new(() => SyntheticInspections.Build(NewStart, Record.Value, LastDay));

    [Fact]
    public void Build_NewStart_ReproducesEveryPublishedCountWithinItsSpan()
    {
        var synthetic = Synthetic.Value;

        foreach (var row in Record.Value.Where(r => r.Count is not null))
        {
            var within = synthetic.Count(i => row.Parties.Contains(i.Inspecting) && (row.Type is null || i.Type == row.Type) && i.Date >= row.From && i.Date <= row.To);
            Assert.True(within == row.Count, $"line {row.Line}: {within} synthetic inspections from {row.From} to {row.To}, the record says {row.Count}");
        }
    }

    [Fact]
    public void Unmatched_OneInspectionMore_NamesTheRowsItBreaks()
    {
        var more = Synthetic.Value.Add(new Inspection(new LocalDate(2011, 6, 1), "type-one", PartyCode.Parse("US"), PartyCode.Parse("RU")));

        var unmatched = SyntheticInspections.Unmatched(Record.Value, more);

        Assert.Empty(SyntheticInspections.Unmatched(Record.Value, Synthetic.Value));
        Assert.Equal([2, 6], unmatched.Select(r => r.Line).ToArray()); // the US's 18 of year 1, and the 252
    }

    [Fact]
    public void Build_NewStart_KeepsEveryQuotaAndEveryActInForce()
    {
        var synthetic = Synthetic.Value;

        var report = InspectionQuotas.AsOf(NewStart, InspectionsHeld.Of(synthetic), LastDay);

        Assert.False(report.HasBeyond);
        Assert.All(synthetic, i => Assert.Empty(InspectionQuotas.RestraintsOn(NewStart, i.Inspecting, i.Date).Where(r => r.Stops(i.Inspecting, i.Inspected))));
        Assert.All(synthetic, i => Assert.True(i.Date >= new LocalDate(2011, 4, 6), $"{i.Date}: before inspections could begin"));
        Assert.All(synthetic, i => Assert.NotEqual(i.Inspecting, i.Inspected));
    }

    [Fact]
    public void Build_NewStart_FillsTheYearsOfTheFullUseTotalAndLeavesTheOpenYearsEmpty()
    {
        var report = InspectionQuotas.AsOf(NewStart, InspectionsHeld.Of(Synthetic.Value), LastDay);

        var us = report.Parties.Single(p => p.Party == PartyCode.Parse("US"));
        // Years 1-7: the 18 of year 1 and the 252 in all (2 × 7 × 18); 8 and 9: not published, none synthesized; 10: 2.
        Assert.Equal([18, 18, 18, 18, 18, 18, 18, 0, 0, 2, 0, 0, 0, 0, 0], us.Years.Select(y => y.Total.Used.Value!.Value).ToArray());
        Assert.Equal([10, 8], us.Years[0].Types.Select(t => t.Used.Value!.Value).ToArray());
        Assert.Equal([1, 1], us.Years[9].Types.Select(t => t.Used.Value!.Value).ToArray()); // 2 split by the quotas 10 : 8
    }

    [Fact]
    public void Build_SameRecord_GivesTheSameInspections()
    {
        var again = SyntheticInspections.Build(NewStart, Record.Value, LastDay);

        Assert.Equal(Synthetic.Value.ToArray(), again.ToArray());
    }
}
