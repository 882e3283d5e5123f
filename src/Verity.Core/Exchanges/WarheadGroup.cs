using System.Collections.Immutable;

namespace Verity.Core.Exchanges;

/// <summary>A part of the warheads a database gives: in total, and by base where the definition asks for it.</summary>
/// <param name="Id">The group's identifier.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Total">The warheads counted for the group's items.</param>
/// <param name="ByBase">The warheads at each base (ordinal order); empty when the group is given in total only.</param>
public sealed record WarheadGroup(string Id, string Name, long Total, ImmutableArray<LocationCount> ByBase);
