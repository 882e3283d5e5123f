using Verity.Core.Analysis.Replay;

namespace Verity.Core.Tests.Analysis.Replay;

public class HistorySynthesizerTests(NewStartRecord record) : IClassFixture<NewStartRecord>
{
    private static readonly string[] Abc = ["a", "b", "c"];

    [Fact]
    public void Split_UnevenShares_GivesTheLeftoverToTheLargestRemainders()
    {
        var weights = new Dictionary<string, double> { ["a"] = 1, ["b"] = 2, ["c"] = 4 };

        // exact 1.43, 2.86, 5.71: floors 1, 2, 5; two left over go to b (.86) and c (.71), not a (.43)
        var split = HistorySynthesizer.Split(10, Abc, k => weights[k]);

        Assert.Equal((1, 3, 6), (split["a"], split["b"], split["c"]));
    }

    [Fact]
    public void Split_EqualRemainders_FavoursTheEarlierKeysAndKeepsTheTotal()
    {
        string[] keys = ["a", "b", "c", "d"];

        // exact .75 each: rounding each would give 4; largest remainder gives 3, ties to the first keys
        var split = HistorySynthesizer.Split(3, keys, _ => 1);

        Assert.Equal([1, 1, 1, 0], keys.Select(k => split[k]));
    }

    [Fact]
    public void Split_FixedCounts_AreTakenFirstAndTheRestIsShared()
    {
        var weights = new Dictionary<string, double> { ["a"] = 5, ["b"] = 1, ["c"] = 2 };
        var fixedCounts = new Dictionary<string, int> { ["a"] = 4 };

        var split = HistorySynthesizer.Split(10, Abc, k => weights[k], fixedCounts);

        Assert.Equal((4, 2, 4), (split["a"], split["b"], split["c"]));
    }

    [Fact]
    public void Split_AllWeightsZero_SharesEvenly()
    {
        var split = HistorySynthesizer.Split(7, Abc, _ => 0);

        var counts = Abc.Select(k => split[k]);

        Assert.Equal([3, 2, 2], counts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Split_RandomWeights_SumsToTheTotalAndEachIsWithinOneOfItsExactShare(int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, random.Next(2, 9)).Select(i => $"k{i}").ToList();
        var weights = keys.ToDictionary(k => k, _ => random.NextDouble() * 10);
        var total = random.Next(0, 1000);

        var split = HistorySynthesizer.Split(total, keys, k => weights[k]);

        Assert.Equal(total, split.Values.Sum());
        var sum = weights.Values.Sum();
        Assert.All(keys, k => Assert.InRange(split[k] - (total * weights[k] / sum), -1 + 1e-9, 1 - 1e-9));
    }

    private HistorySynthesizer Synthesizer(params (string Date, long? Value)[] figures) => new(
        record.Model,
        [.. figures.Select(f => new PublishedFigure(NodaTime.Text.LocalDatePattern.Iso.Parse(f.Date).Value, PartyCode.Parse("US"), "deployed", f.Value, f.Value is null ? "not-retrieved" : "published", "test", null))],
        []);

    [Theory]
    [InlineData("2020-01-01", 100L)] // published
    [InlineData("2020-01-04", 130L)] // 100 + 100 × 3/10
    [InlineData("2020-01-06", 150L)]
    [InlineData("2020-01-11", 200L)] // published
    [InlineData("2019-06-01", 100L)] // before the first figure: the first
    [InlineData("2021-01-01", 200L)] // after the last: the last
    public void ValueAt_BetweenPublishedFigures_InterpolatesLinearly(string date, long expected)
    {
        var synthesizer = Synthesizer(("2020-01-01", 100), ("2020-01-11", 200), ("2020-01-06", null));

        var value = synthesizer.ValueAt(PartyCode.Parse("US"), "deployed", NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);

        Assert.Equal(expected, value);
    }

    [Fact]
    public void ValueAt_NoFigures_IsNull()
    {
        var synthesizer = Synthesizer(("2020-01-01", 100));

        var value = synthesizer.ValueAt(PartyCode.Parse("RU"), "deployed", new NodaTime.LocalDate(2020, 1, 1));

        Assert.Null(value);
    }

    [Fact]
    public void DataDates_FiguresWithoutValue_AreLeftOut()
    {
        var synthesizer = Synthesizer(("2020-01-11", 200), ("2020-01-01", 100), ("2020-01-06", null));

        var dates = synthesizer.DataDates(PartyCode.Parse("US"));

        Assert.Equal([new NodaTime.LocalDate(2020, 1, 1), new NodaTime.LocalDate(2020, 1, 11)], dates.ToArray());
    }
}
