using System.Collections.Immutable;

namespace Verity.Core.Counting;

/// <summary>What one matching item adds to a limit: a constant, a numeric attribute, or a value looked up by an attribute.</summary>
public abstract record Weight
{
    private Weight()
    {
    }

    /// <summary>The attribute the weight reads, or <c>null</c> for a constant.</summary>
    public abstract string? Attribute { get; }

    /// <summary>Each item adds <paramref name="value"/>.</summary>
    public static Weight Constant(long value) => value >= 0
        ? new ConstantWeight(value)
        : throw new ArgumentOutOfRangeException(nameof(value), value, "A weight is not negative.");

    /// <summary>Each item adds the number in one of its attributes, such as <c>warheads</c>.</summary>
    public static Weight FromAttribute(string attribute) => new AttributeWeight(attribute);

    /// <summary>Each item adds the number the table gives for its value of <paramref name="attribute"/> (attribution by type).</summary>
    public static Weight Lookup(string attribute, ImmutableDictionary<string, long> values, long fallback) =>
        new LookupWeight(attribute, values, fallback);

    /// <summary>A constant weight.</summary>
    /// <param name="Value">What each item adds.</param>
    public sealed record ConstantWeight(long Value) : Weight
    {
        /// <inheritdoc />
        public override string? Attribute => null;

        /// <inheritdoc />
        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The number in an attribute.</summary>
    /// <param name="Name">The attribute.</param>
    public sealed record AttributeWeight(string Name) : Weight
    {
        /// <inheritdoc />
        public override string? Attribute => Name;

        /// <inheritdoc />
        public override string ToString() => $"its {Name}";
    }

    /// <summary>A number looked up by an attribute's value.</summary>
    /// <param name="By">The attribute.</param>
    /// <param name="Values">The number for each value.</param>
    /// <param name="Fallback">The number for any other value.</param>
    public sealed record LookupWeight(string By, ImmutableDictionary<string, long> Values, long Fallback) : Weight
    {
        /// <inheritdoc />
        public override string? Attribute => By;

        /// <summary>The weight for one value.</summary>
        public long For(string? value) => value is not null && Values.TryGetValue(value, out var w) ? w : Fallback;

        /// <inheritdoc />
        public override string ToString() => $"by {By}";
    }
}
