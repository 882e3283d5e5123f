using System.Collections.Immutable;

namespace Verity.Core.Exchanges;

/// <summary>A location where the party has items, with what it holds.</summary>
/// <param name="Location">The base or facility.</param>
/// <param name="Holdings">Its items by kind and status (ordinal order).</param>
public sealed record Facility(string Location, ImmutableArray<FacilityHolding> Holdings)
{
    /// <summary>The number of items it holds.</summary>
    public long Total => Holdings.Sum(h => h.Count);
}
