using System.Collections;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Verity.Core.Items;

/// <summary>
/// A set of items as of one instant, held both as records and by column (each attribute dictionary-encoded),
/// so that counting reads a few integer arrays instead of a million records.
/// </summary>
/// <remarks>Immutable. Uids are unique; the builders check that and report the duplicates.</remarks>
public sealed class Inventory : IReadOnlyList<Item>
{
    private readonly ImmutableArray<Item> _items;
    private readonly int[] _warheads;
    private readonly long[] _quantities;
    private readonly Dictionary<string, AttributeColumn> _columns;
    private readonly Lazy<AttributeColumn> _uids;

    private Inventory(ImmutableArray<Item> items)
    {
        _items = items;
        _warheads = new int[items.Length];
        _quantities = new long[items.Length];
        var builders = new Dictionary<string, ColumnBuilder>(StringComparer.Ordinal);
        foreach (var name in new[] { "party", "kind", "type", "status", "location" })
        {
            builders[name] = new ColumnBuilder(items.Length);
        }

        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            _warheads[i] = item.Warheads;
            _quantities[i] = item.Quantity;
            builders["party"].Set(i, item.Party.Value);
            builders["kind"].Set(i, item.Kind);
            builders["type"].Set(i, item.Type);
            builders["status"].Set(i, item.Status);
            builders["location"].Set(i, item.Location);
            foreach (var (name, value) in item.Attributes)
            {
                if (!builders.TryGetValue(name, out var builder))
                {
                    builder = new ColumnBuilder(items.Length);
                    builders[name] = builder;
                }

                builder.Set(i, value);
            }
        }

        _columns = builders.ToDictionary(kv => kv.Key, kv => kv.Value.Build(), StringComparer.Ordinal);
        _uids = new Lazy<AttributeColumn>(() =>
        {
            // Only a rule that filters on uid needs this column: a value per item, built on first use.
            var builder = new ColumnBuilder(_items.Length);
            for (var i = 0; i < _items.Length; i++)
            {
                builder.Set(i, _items[i].Uid);
            }

            return builder.Build();
        });
    }

    /// <summary>No items.</summary>
    public static Inventory Empty { get; } = new([]);

    /// <summary>Builds an inventory from items whose uids are unique.</summary>
    /// <exception cref="ArgumentException">Two items share a uid.</exception>
    public static Inventory From(IEnumerable<Item> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToImmutableArray();
        var seen = new HashSet<string>(array.Length, StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (!seen.Add(item.Uid))
            {
                throw new ArgumentException($"uid '{item.Uid}' appears twice in the inventory.", nameof(items));
            }
        }

        return new Inventory(array);
    }

    /// <summary>The number of items.</summary>
    public int Count => _items.Length;

    /// <summary>The items as records.</summary>
    public ImmutableArray<Item> Items => _items;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public Item this[int index] => _items[index];

    /// <summary>Every item's warheads.</summary>
    public ReadOnlySpan<int> Warheads => _warheads;

    /// <summary>Every item's quantity: the units its line stands for (1 for an item with its own uid).</summary>
    public ReadOnlySpan<long> Quantities => _quantities;

    /// <summary>The units all lines stand for together.</summary>
    public long UnitCount
    {
        get
        {
            long sum = 0;
            foreach (var q in _quantities)
            {
                sum = checked(sum + q);
            }

            return sum;
        }
    }

    /// <summary>The names of every attribute some item has, besides uid and warheads.</summary>
    public IEnumerable<string> AttributeNames => _columns.Keys;

    /// <summary>The column of one attribute, or <c>null</c> when no item has it.</summary>
    public AttributeColumn? Column(string attribute) =>
        attribute == "uid" ? (_items.IsEmpty ? null : _uids.Value) : _columns.GetValueOrDefault(attribute);

    /// <summary>The items that satisfy a predicate, as a new inventory.</summary>
    public Inventory Where(Func<Item, bool> predicate) => new([.. _items.Where(predicate)]);

    /// <inheritdoc />
    public IEnumerator<Item> GetEnumerator() => ((IEnumerable<Item>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class ColumnBuilder
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];
        private readonly int[] _codes;

        public ColumnBuilder(int count)
        {
            _codes = new int[count];
            Array.Fill(_codes, -1);
        }

        public void Set(int row, string value)
        {
            ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, value, out var exists);
            if (!exists)
            {
                code = _values.Count;
                _values.Add(value);
            }

            _codes[row] = code;
        }

        public AttributeColumn Build() => new([.. _values], _codes);
    }
}
