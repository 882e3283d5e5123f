using System.Collections.Immutable;

namespace Verity.Core.Items;

/// <summary>One attribute of every item in an <see cref="Inventory"/>, dictionary-encoded: a code per item into <see cref="Values"/>, -1 where absent.</summary>
public sealed class AttributeColumn
{
    private readonly int[] _codes;

    internal AttributeColumn(ImmutableArray<string> values, int[] codes)
    {
        Values = values;
        _codes = codes;
    }

    /// <summary>The distinct values, in order of first appearance.</summary>
    public ImmutableArray<string> Values { get; }

    /// <summary>Each item's code into <see cref="Values"/>, or -1 where the item lacks the attribute.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    internal int[] CodeArray => _codes;

    /// <summary>The value of item <paramref name="index"/>, or <c>null</c>.</summary>
    public string? ValueAt(int index) => _codes[index] is var c && c >= 0 ? Values[c] : null;
}
