using Verity.Core.Replay;

namespace Verity.Core.Tests.Replay;

public class HistorySynthesizerTests
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
}
