using System.Collections.Immutable;

namespace Verity.Core.Analysis.Replay;

/// <summary>One party's force structure.</summary>
public sealed record PartyForces(
    PartyCode Party,
    ImmutableArray<MissileCategory> Missiles,
    BomberCategory Bombers,
    AnchoredSeries WarheadsEach,
    AnchoredSeries DeployedShares,
    AnchoredSeries NonDeployedShares,
    AnchoredSeries TypeShares,
    ImmutableArray<CountAnchor> Test,
    ImmutableArray<FixedItems> Training,
    ImmutableArray<CountAnchor> Conversions);
