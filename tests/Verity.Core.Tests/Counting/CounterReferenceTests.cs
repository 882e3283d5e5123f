using System.Collections.Immutable;
using System.Globalization;
using Verity.Core.Counting;
using Verity.Core.Items;

namespace Verity.Core.Tests.Counting;

/// <summary>
/// The compiled counter against a naive, literal one: each item, each term in order, first match wins
/// (merkle's reference_test.go). Random inventories and rules from fixed seeds.
/// </summary>
public class CounterReferenceTests
{
    private static readonly string[] Parties = ["US", "RU"];
    private static readonly string[] Kinds = ["icbm", "slbm", "heavy-bomber", "icbm-launcher"];
    private static readonly string[] Statuses = ["deployed", "non-deployed", "test", "converted"];
    private static readonly string[] Types = ["A", "B", "C", "D"];
    private static readonly string[] Armaments = ["nuclear", "non-nuclear", "other"];
    private static readonly string[] Loads = ["0", "1", "4", "10", "x"];
    internal static readonly ImmutableDictionary<string, string> Defaults =
        ImmutableDictionary<string, string>.Empty.Add("armament", "nuclear").Add("load", "2");

    /// <summary>The literal reading of <see cref="CountingRule"/>: per item, the first term whose conditions hold and whose cap is not used up.</summary>
    private static Dictionary<string, long> Naive(IReadOnlyList<Item> items, CountingRule rule, IReadOnlyDictionary<string, string> defaults)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var used = new int[rule.Terms.Length];
        foreach (var item in items)
        {
            string? ValueOf(string attribute) => item.Get(attribute) ?? defaults.GetValueOrDefault(attribute);
            for (var t = 0; t < rule.Terms.Length; t++)
            {
                var term = rule.Terms[t];
                if (!term.Where.All(c => c.Holds(ValueOf(c.Attribute))) || (term.MaxItems is { } max && used[t] >= max))
                {
                    continue;
                }

                used[t]++;
                var weight = term.Weight switch
                {
                    Weight.ConstantWeight c => c.Value,
                    Weight.AttributeWeight a => long.TryParse(ValueOf(a.Name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0,
                    Weight.LookupWeight l => l.For(ValueOf(l.By)),
                    _ => throw new InvalidOperationException("unknown weight"),
                };
                totals[item.Party.Value] = totals.GetValueOrDefault(item.Party.Value) + weight;
                break;
            }
        }

        return totals;
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    internal static List<Item> RandomItems(Random random, int count, string[] parties, int locations)
    {
        var items = new List<Item>(count);
        for (var i = 0; i < count; i++)
        {
            var attributes = ImmutableSortedDictionary<string, string>.Empty;
            if (random.Next(3) > 0)
            {
                attributes = attributes.Add("armament", Pick(random, Armaments));
            }

            if (random.Next(3) > 0)
            {
                attributes = attributes.Add("load", Pick(random, Loads));
            }

            items.Add(new Item(
                $"u{i}",
                PartyCode.Parse(Pick(random, parties)),
                Pick(random, Kinds),
                Pick(random, Types),
                Pick(random, Statuses),
                random.Next(0, 11),
                $"loc{random.Next(locations)}",
                attributes));
        }

        return items;
    }

    internal static CountingRule RandomRule(Random random, bool caps, int locations)
    {
        var vocabulary = new Dictionary<string, string[]>
        {
            ["kind"] = Kinds,
            ["status"] = Statuses,
            ["type"] = Types,
            ["party"] = [.. Parties, "UA"],
            ["armament"] = Armaments,
            ["location"] = [.. Enumerable.Range(0, locations + 2).Select(l => $"loc{l}")],
            ["unknown"] = ["a", "b"],
        };
        var terms = new List<CountingTerm>();
        for (var t = random.Next(1, 5); t > 0; t--)
        {
            var conditions = new List<Condition>();
            foreach (var attribute in vocabulary.Keys.OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
            {
                var values = vocabulary[attribute].OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToImmutableArray();
                conditions.Add(new Condition(attribute, values, random.Next(3) == 0));
            }

            Weight weight = random.Next(4) switch
            {
                0 => Weight.Constant(random.Next(0, 4)),
                1 => Weight.FromAttribute("warheads"),
                2 => Weight.FromAttribute("load"),
                _ => Weight.Lookup(random.Next(2) == 0 ? "type" : "armament", ImmutableDictionary<string, long>.Empty.Add("A", 3).Add("C", 7).Add("nuclear", 5), random.Next(0, 3)),
            };
            int? maxItems = caps && random.Next(2) == 0 ? random.Next(1, 30) : null;
            terms.Add(new CountingTerm([.. conditions], weight, maxItems));
        }

        return new CountingRule([.. terms]);
    }

    /// <summary>Counts random items under random rules both ways; gives every disagreement and the total counted.</summary>
    private static (List<string> Mismatches, long Total) CompareWithNaive(int seed, string[] parties, bool caps, int locations)
    {
        var random = new Random(seed);
        var items = RandomItems(random, random.Next(200, 400), parties, locations);
        var rules = Enumerable.Range(0, 4).Select(_ => RandomRule(random, caps, locations)).ToList();

        var tally = Counter.Count(Inventory.From(items), rules, Defaults);

        var mismatches = new List<string>();
        var total = 0L;
        for (var r = 0; r < rules.Count; r++)
        {
            var expected = Naive(items, rules[r], Defaults);
            foreach (var party in parties)
            {
                var counted = tally.Value(r, PartyCode.Parse(party));
                total += counted;
                if (expected.GetValueOrDefault(party) != counted)
                {
                    mismatches.Add($"seed {seed}, rule {r}, party {party}: naive {expected.GetValueOrDefault(party)}, counter {counted}");
                }
            }
        }

        return (mismatches, total);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Count_RandomInventorySmallVocabulary_EqualsNaiveReference(int seed)
    {
        // Few distinct values: the compiled lookup table (fast path) is used.
        var locations = 3;

        var (mismatches, total) = CompareWithNaive(seed, Parties, caps: false, locations);

        Assert.Empty(mismatches);
        Assert.True(total > 0, "the random rules counted something");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Count_RandomInventoryManyLocations_EqualsNaiveReference(int seed)
    {
        // ~300 locations make the key space larger than the table limit: the term-by-term path is used.
        var locations = 300;

        var (mismatches, total) = CompareWithNaive(seed, Parties, caps: false, locations);

        Assert.Empty(mismatches);
        Assert.True(total > 0, "the random rules counted something");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Count_RandomInventoryWithCapsOneParty_EqualsNaiveReference(int seed)
    {
        // One party: a cap's "first N in inventory order" has one meaning (a cap shared across parties is reported as a bug).
        string[] parties = ["US"];

        var (mismatches, total) = CompareWithNaive(seed, parties, caps: true, locations: 3);

        Assert.Empty(mismatches);
        Assert.True(total > 0, "the random rules counted something");
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];
}
