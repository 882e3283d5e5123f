using System.Collections.Immutable;
using Verity.Core.Treaties;

namespace Verity.Core.Compliance;

/// <summary>The limits that apply to one party, or to one group of parties together, on one date.</summary>
/// <param name="Scope">The party code, or the group's identifier.</param>
/// <param name="Members">The parties whose items are counted.</param>
/// <param name="Standing">Where the treaty stands for the scope.</param>
/// <param name="Limits">One result per limit that applies.</param>
public sealed record ScopeCompliance(string Scope, ImmutableArray<PartyCode> Members, TreatyStanding Standing, ImmutableArray<LimitResult> Limits)
{
    /// <summary>The result for one limit, or <c>null</c> when it does not apply to this scope.</summary>
    public LimitResult? this[string limitId] => Limits.FirstOrDefault(l => l.Limit.Id == limitId);
}
