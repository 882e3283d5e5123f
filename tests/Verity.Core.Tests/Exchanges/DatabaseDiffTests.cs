using Verity.Core.Exchanges;
using static Verity.Core.Tests.Exchanges.HandMadeForces;

namespace Verity.Core.Tests.Exchanges;

public class DatabaseDiffTests
{
    private static Database Build(NodaTime.LocalDate day) => Database.Build(ExchangeData.NewStart, TestData.NewStart, Ledger(), Us, day);

    [Fact]
    public void Between_SameDatabase_IsEmpty()
    {
        var diff = DatabaseDiff.Between(Build(Day1), Build(Day1));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Between_MissileMoved_NamesItsLocationAndTheWarheadsAtBothBases()
    {
        var diff = DatabaseDiff.Between(Build(Day1), Build(Day2));

        var change = Assert.Single(diff.Changed);
        Assert.Equal("m2", change.Uid);
        Assert.Equal(["location"], change.Fields.AsEnumerable());
        Assert.Equal("location Malmstrom AFB → Minot AFB", change.Describe());
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Equal(
            [new CountChange("deployed-missiles: Malmstrom AFB", 3, 0), new CountChange("deployed-missiles: Minot AFB", 1, 4)],
            diff.Warheads.AsEnumerable());
        Assert.Empty(diff.Aggregates.AsEnumerable());
        Assert.Empty(diff.Categories.AsEnumerable());
    }

    [Fact]
    public void Between_EliminationStatusChangeAndLoading_NamesEachChange()
    {
        var diff = DatabaseDiff.Between(Build(Day2), Build(Day3));

        var removed = Assert.Single(diff.Removed);
        Assert.Equal("m1", removed.Uid);
        Assert.Equal("removed: icbm Minuteman III, deployed, at Minot AFB", removed.Describe());
        Assert.Equal(["b1", "s1"], diff.Changed.Select(c => c.Uid));
        Assert.Equal("status deployed → non-deployed", diff.Changed[0].Describe());
        Assert.Equal("warheads 4 → 5", diff.Changed[1].Describe());
        Assert.Equal(
            [new CountChange("deployed", 4, 2), new CountChange("warheads", 9, 8)],
            diff.Aggregates.AsEnumerable());
        Assert.Equal(
            [new CountChange("deployed-icbms", 2, 1), new CountChange("deployed-heavy-bombers", 1, 0), new CountChange("non-deployed-heavy-bombers", 1, 2)],
            diff.Categories.AsEnumerable());
        Assert.Equal(
            [
                new CountChange("deployed-missiles: Kings Bay", 4, 5),
                new CountChange("deployed-missiles: Minot AFB", 4, 3),
                new CountChange("deployed-heavy-bombers", 1, 0),
            ],
            diff.Warheads.AsEnumerable());
    }

    [Fact]
    public void Between_Reversed_AddsWhatWasRemoved()
    {
        var diff = DatabaseDiff.Between(Build(Day3), Build(Day2));

        var added = Assert.Single(diff.Added);
        Assert.Equal("m1", added.Uid);
        Assert.Equal("added: icbm Minuteman III, deployed, at Minot AFB, 1 warhead(s)", added.Describe());
        Assert.Equal(new CountChange("deployed", 2, 4), diff.Aggregates[0]);
        Assert.Equal(2, diff.Aggregates[0].Delta);
    }

    [Fact]
    public void Between_DatabasesOfTwoParties_Throws()
    {
        var us = Build(Day1);
        var ru = Database.Build(ExchangeData.NewStart, TestData.NewStart, Ledger(), PartyCode.Parse("RU"), Day1);

        var error = Assert.Throws<ArgumentException>(() => DatabaseDiff.Between(us, ru));

        Assert.Contains("US", error.Message, StringComparison.Ordinal);
        Assert.Contains("RU", error.Message, StringComparison.Ordinal);
    }
}
