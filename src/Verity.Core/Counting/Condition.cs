using System.Collections.Immutable;

namespace Verity.Core.Counting;

/// <summary>A condition on one item attribute: its value is (or, negated, is not) one of a set.</summary>
/// <param name="Attribute">The attribute: <c>kind</c>, <c>type</c>, <c>status</c>, <c>party</c>, <c>location</c> or a further attribute.</param>
/// <param name="Values">The values.</param>
/// <param name="Negated">When true, the condition holds for values outside the set, and for items without the attribute.</param>
public sealed record Condition(string Attribute, ImmutableArray<string> Values, bool Negated)
{
    /// <summary>Whether a value (or <c>null</c> for an absent attribute) satisfies the condition.</summary>
    public bool Holds(string? value) => value is null ? Negated : Values.Contains(value, StringComparer.Ordinal) != Negated;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Attribute} {(Negated ? "not in" : "in")} [{string.Join(", ", Values)}]";
}
