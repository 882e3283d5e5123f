using System.Collections.Immutable;
using Verity.Core;
using Verity.Core.Treaties;

namespace Verity.Reports.Dashboard;

/// <summary>A party or group and its limits on the overview's date.</summary>
/// <param name="Scope">The party's code or the group's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="IsGroup">Whether it is a group of parties.</param>
/// <param name="Members">Its parties (the party itself for a party); each has a page.</param>
/// <param name="Standing">The treaty's standing for it.</param>
/// <param name="Limits">Each limit's value and status.</param>
public sealed record ScopeStanding(
    string Scope,
    string Name,
    bool IsGroup,
    ImmutableArray<PartyCode> Members,
    TreatyStanding Standing,
    ImmutableArray<LimitStanding> Limits);
