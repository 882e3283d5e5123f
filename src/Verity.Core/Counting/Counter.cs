using System.Collections.Immutable;
using System.Globalization;
using Verity.Core.Items;

namespace Verity.Core.Counting;

/// <summary>
/// Counts items against counting rules: every rule over every item in one pass over the inventory's columns.
/// </summary>
/// <remarks>
/// Each rule is compiled against the inventory's dictionaries into a table from the combination of the
/// filtered attributes' codes to the first matching term, so that counting an item is a few array reads.
/// Without a trace, items are first tallied by that combination (their profile) and party, and the rules are
/// applied once per profile. A rule with a capped term (<see cref="CountingTerm.MaxItems"/>) is evaluated term
/// by term instead, since whether an item counts then depends on the items before it.
/// </remarks>
public static class Counter
{
    private const int MaxTableSize = 1 << 16;

    /// <summary>Counts every rule over every item.</summary>
    /// <param name="inventory">The items.</param>
    /// <param name="rules">The rules, one value per rule and party.</param>
    /// <param name="defaults">The value an item has for an attribute it lacks (the treaty's attribute defaults).</param>
    /// <param name="trace">Whether to record each item's contribution.</param>
    public static Tally Count(Inventory inventory, IReadOnlyList<CountingRule> rules, IReadOnlyDictionary<string, string> defaults, bool trace = false)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(defaults);

        var compiler = new Compiler(inventory, defaults);
        var terms = rules.Select(compiler.CompileTerms).ToArray();

        // Tables are built once every rule's attributes are known: a key spans all of them.
        var compiled = terms.Select(compiler.Compile).ToArray();
        var partyColumn = inventory.Column("party");
        var parties = partyColumn?.Values ?? [];
        var values = new long[rules.Count * parties.Length];
        var traces = trace ? rules.Select(_ => new List<Contribution>()).ToArray() : null;
        if (inventory.Count > 0)
        {
            compiler.Run(compiled, partyColumn!.Codes, parties.Length, values, traces);
        }

        return new Tally(
            rules.Count,
            parties,
            values,
            traces is null ? default : [.. traces.Select(t => t.ToImmutableArray())]);
    }

    private enum WeightKind
    {
        Constant,
        Warheads,
        ByCode,
    }

    private sealed record CompiledTerm(
        (int Attribute, bool[] Match)[] Conditions,
        WeightKind Kind,
        long Constant,
        int WeightAttribute,
        long[] WeightByCode,
        int MaxItems);

    private sealed record CompiledRule(CompiledTerm[] Terms, int[]? Table);

    private sealed class Compiler
    {
        private readonly Inventory _inventory;
        private readonly IReadOnlyDictionary<string, string> _defaults;
        private readonly List<string> _attributes = [];
        private readonly List<int[]?> _codes = [];
        private readonly List<ImmutableArray<string>> _values = [];

        public Compiler(Inventory inventory, IReadOnlyDictionary<string, string> defaults)
        {
            _inventory = inventory;
            _defaults = defaults;
        }

        public CompiledTerm[] CompileTerms(CountingRule rule) => [.. rule.Terms.Select(CompileTerm)];

        public CompiledRule Compile(CompiledTerm[] terms) =>
            new(terms, terms.Any(t => t.MaxItems > 0) ? null : BuildTable(terms));

        public void Run(CompiledRule[] rules, ReadOnlySpan<int> partyCodes, int partyCount, long[] values, List<Contribution>[]? traces)
        {
            var attributeCount = _attributes.Count;
            var codes = new int[attributeCount][];
            var missing = new int[attributeCount];
            var strides = new int[attributeCount];
            var stride = 1;
            for (var a = 0; a < attributeCount; a++)
            {
                codes[a] = _codes[a] ?? new int[_inventory.Count].AsSpan().ToArray();
                if (_codes[a] is null)
                {
                    Array.Fill(codes[a], -1);
                }

                missing[a] = _values[a].Length;
                strides[a] = stride;
                stride = checked(stride * (_values[a].Length + 1));
            }

            var fast = stride <= MaxTableSize;
            if (fast && traces is null && rules.All(r => r.Table is not null))
            {
                RunByProfile(rules, codes, missing, strides, stride, partyCodes, partyCount, values);
                return;
            }

            var keys = new int[attributeCount];
            // A capped term counts its first items per party ("the first 150 bombers" of each party).
            var used = rules.Select(r => new long[r.Terms.Length * Math.Max(1, partyCount)]).ToArray();
            var warheads = _inventory.Warheads;
            var quantities = _inventory.Quantities;
            for (var i = 0; i < partyCodes.Length; i++)
            {
                var key = 0;
                for (var a = 0; a < attributeCount; a++)
                {
                    var c = codes[a][i];
                    c = c < 0 ? missing[a] : c;
                    keys[a] = c;
                    key += c * strides[a];
                }

                var p = partyCodes[i];
                for (var r = 0; r < rules.Length; r++)
                {
                    var rule = rules[r];
                    if (fast && rule.Table is { } table)
                    {
                        if (table[key] is var t and >= 0)
                        {
                            var weight = Weigh(rule.Terms[t], quantities[i], warheads[i], keys);
                            values[(r * partyCount) + p] += weight;
                            traces?[r].Add(new Contribution(i, t, weight));
                        }

                        continue;
                    }

                    // Term by term: a line of several units may fill what is left under a capped term and count the
                    // rest under the terms after it, as that many separate items would.
                    var left = quantities[i];
                    var offset = p * rule.Terms.Length;
                    for (var t = 0; t < rule.Terms.Length && left > 0; t++)
                    {
                        var term = rule.Terms[t];
                        if (!Matches(term, keys))
                        {
                            continue;
                        }

                        var units = term.MaxItems == 0 ? left : Math.Min(left, term.MaxItems - used[r][offset + t]);
                        if (units <= 0)
                        {
                            continue;
                        }

                        used[r][offset + t] += units;
                        left -= units;
                        var weight = Weigh(term, units, warheads[i], keys);
                        values[(r * partyCount) + p] += weight;
                        traces?[r].Add(new Contribution(i, t, weight));
                    }
                }
            }
        }

        /// <summary>
        /// The fast path: items with the same codes in every filtered attribute (a profile) count alike, so one pass
        /// tallies items and warheads per profile and party, and the rules are applied once per profile.
        /// </summary>
        private void RunByProfile(CompiledRule[] rules, int[][] codes, int[] missing, int[] strides, int profiles, ReadOnlySpan<int> partyCodes, int partyCount, long[] values)
        {
            var counts = new long[profiles * partyCount];
            var warheadSums = new long[profiles * partyCount];
            var warheads = _inventory.Warheads;
            var quantities = _inventory.Quantities;
            var attributeCount = codes.Length;
            for (var i = 0; i < partyCodes.Length; i++)
            {
                var key = 0;
                for (var a = 0; a < attributeCount; a++)
                {
                    var c = codes[a][i];
                    key += (c < 0 ? missing[a] : c) * strides[a];
                }

                var slot = (key * partyCount) + partyCodes[i];
                counts[slot] += quantities[i];
                warheadSums[slot] += warheads[i] * quantities[i];
            }

            var keys = new int[attributeCount];
            for (var key = 0; key < profiles; key++)
            {
                for (var a = 0; a < attributeCount; a++)
                {
                    keys[a] = key / strides[a] % (missing[a] + 1);
                }

                for (var r = 0; r < rules.Length; r++)
                {
                    var t = rules[r].Table![key];
                    if (t < 0)
                    {
                        continue;
                    }

                    var term = rules[r].Terms[t];
                    for (var p = 0; p < partyCount; p++)
                    {
                        var slot = (key * partyCount) + p;
                        values[(r * partyCount) + p] += term.Kind switch
                        {
                            WeightKind.Constant => term.Constant * counts[slot],
                            WeightKind.Warheads => warheadSums[slot],
                            _ => term.WeightByCode[keys[term.WeightAttribute]] * counts[slot],
                        };
                    }
                }
            }
        }

        private static long Weigh(CompiledTerm term, long units, int warheads, int[] keys) => checked(units * term.Kind switch
        {
            WeightKind.Constant => term.Constant,
            WeightKind.Warheads => warheads,
            _ => term.WeightByCode[keys[term.WeightAttribute]],
        });

        private static bool Matches(CompiledTerm term, int[] keys)
        {
            foreach (var (attribute, match) in term.Conditions)
            {
                if (!match[keys[attribute]])
                {
                    return false;
                }
            }

            return true;
        }

        private int[]? BuildTable(CompiledTerm[] terms)
        {
            var size = 1;
            foreach (var values in _values)
            {
                size *= values.Length + 1;
                if (size > MaxTableSize)
                {
                    return null;
                }
            }

            var table = new int[size];
            var keys = new int[_attributes.Count];
            for (var key = 0; key < size; key++)
            {
                var rest = key;
                for (var a = 0; a < keys.Length; a++)
                {
                    var radix = _values[a].Length + 1;
                    keys[a] = rest % radix;
                    rest /= radix;
                }

                table[key] = Array.FindIndex(terms, t => Matches(t, keys));
            }

            return table;
        }

        private CompiledTerm CompileTerm(CountingTerm term)
        {
            var conditions = term.Where
                .Select(c =>
                {
                    var a = Reference(c.Attribute);
                    var values = _values[a];
                    var match = new bool[values.Length + 1];
                    for (var code = 0; code < values.Length; code++)
                    {
                        match[code] = c.Holds(values[code]);
                    }

                    match[values.Length] = c.Holds(_defaults.GetValueOrDefault(c.Attribute));
                    return (a, match);
                })
                .ToArray();

            var maxItems = term.MaxItems ?? 0;
            switch (term.Weight)
            {
                case Weight.ConstantWeight constant:
                    return new CompiledTerm(conditions, WeightKind.Constant, constant.Value, -1, [], maxItems);
                case Weight.AttributeWeight { Name: "warheads" }:
                    return new CompiledTerm(conditions, WeightKind.Warheads, 0, -1, [], maxItems);
                case Weight.AttributeWeight numeric:
                    {
                        var a = Reference(numeric.Name);
                        var table = WeightTable(a, value => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
                        return new CompiledTerm(conditions, WeightKind.ByCode, 0, a, table, maxItems);
                    }

                case Weight.LookupWeight lookup:
                    {
                        var a = Reference(lookup.By);
                        var table = WeightTable(a, lookup.For);
                        return new CompiledTerm(conditions, WeightKind.ByCode, 0, a, table, maxItems);
                    }

                default:
                    throw new ArgumentException($"Unknown weight {term.Weight}.", nameof(term));
            }
        }

        private long[] WeightTable(int attribute, Func<string?, long> weigh)
        {
            var values = _values[attribute];
            var table = new long[values.Length + 1];
            for (var code = 0; code < values.Length; code++)
            {
                table[code] = weigh(values[code]);
            }

            table[values.Length] = weigh(_defaults.GetValueOrDefault(_attributes[attribute]));
            return table;
        }

        private int Reference(string attribute)
        {
            var index = _attributes.IndexOf(attribute);
            if (index >= 0)
            {
                return index;
            }

            var column = _inventory.Column(attribute);
            _attributes.Add(attribute);
            _codes.Add(column?.CodeArray);
            _values.Add(column?.Values ?? []);
            return _attributes.Count - 1;
        }
    }
}
