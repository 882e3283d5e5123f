using System.Collections.Immutable;

namespace Verity.Core.Inspections;

/// <summary>How many inspections were held over a span, and where the figure comes from.</summary>
/// <param name="Value">The count, 0 or more; <c>null</c> when it is not known (<see cref="CountBasis.NotPublished"/>).</param>
/// <param name="Basis">Where it comes from.</param>
/// <param name="Sources">The sources of the published rows it was made from; empty for a count from a record of each inspection.</param>
public sealed record HeldCount(int? Value, CountBasis Basis, ImmutableArray<string> Sources)
{
    /// <summary>Unknown: the record gives no count for the span.</summary>
    public static HeldCount NotPublished { get; } = new(null, CountBasis.NotPublished, []);

    /// <summary>Whether the count is known.</summary>
    public bool IsKnown => Value is not null;
}
