using System.Collections.Immutable;

namespace Verity.Core.Exchanges;

/// <summary>The warheads section of a database: the treaty's warhead limit's value, split into groups.</summary>
/// <param name="Reference">The provision.</param>
/// <param name="Limit">The limit counted.</param>
/// <param name="Total">The limit's value for the party: the sum of the groups' totals and <see cref="Unassigned"/>.</param>
/// <param name="Groups">The groups, in the definition's order.</param>
/// <param name="Unassigned">Warheads counted for items no group selects (0 when the groups cover the limit's terms).</param>
public sealed record DatabaseWarheads(string? Reference, string Limit, long Total, ImmutableArray<WarheadGroup> Groups, long Unassigned);
