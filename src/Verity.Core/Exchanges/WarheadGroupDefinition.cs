using System.Collections.Immutable;
using Verity.Core.Counting;

namespace Verity.Core.Exchanges;

/// <summary>A part of the counted warheads: those of the items a filter selects, in total or by base.</summary>
/// <param name="Id">The identifier, such as <c>deployed-missiles</c>.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Where">The conditions a counted item meets to be in the group.</param>
/// <param name="ByBase">Whether the warheads are given by base (the items' location) as well as in total.</param>
public sealed record WarheadGroupDefinition(string Id, string Name, ImmutableArray<Condition> Where, bool ByBase);
