using System.Collections.Immutable;

namespace Verity.Core.Exchanges;

/// <summary>One category of a database: how many items, where they are, and (for item categories) each item.</summary>
/// <param name="Id">The category's identifier.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Reference">The provision that defines it.</param>
/// <param name="Detail">Whether <see cref="Items"/> lists the items.</param>
/// <param name="Count">The number of items.</param>
/// <param name="ByLocation">The number at each location, by location (ordinal order).</param>
/// <param name="Items">Each item, by uid (ordinal order); empty for a category counted by location only.</param>
public sealed record DatabaseCategory(
    string Id,
    string Name,
    string? Reference,
    CategoryDetail Detail,
    long Count,
    ImmutableArray<LocationCount> ByLocation,
    ImmutableArray<DatabaseItem> Items);
