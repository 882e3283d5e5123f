using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Replay;

/// <summary>
/// The force structure a synthetic item-level history is built from: kinds, types and bases per party, and the
/// (illustrative) splits used where the public record gives aggregates only.
/// </summary>
/// <param name="TreatyId">The treaty the history is for.</param>
/// <param name="Start">The date of the first declaration (entry into force).</param>
/// <param name="Measures">The limits the three aggregates count against: deployed systems, warheads, launchers.</param>
/// <param name="WarheadsCountedPerBomber">Warheads the treaty counts for each deployed bomber, whatever it carries.</param>
/// <param name="Parties">Each party's forces.</param>
public sealed record ForceModel(string TreatyId, LocalDate Start, AggregateMeasures Measures, int WarheadsCountedPerBomber, ImmutableArray<PartyForces> Parties);

/// <summary>The limit identifiers of the three aggregates a synthetic history is built to match.</summary>
public sealed record AggregateMeasures(string Deployed, string Warheads, string Launchers);

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

/// <summary>Missiles of one kind and their launchers.</summary>
/// <param name="Kind">The missile kind, such as <c>icbm</c>.</param>
/// <param name="LauncherKind">The launcher kind, such as <c>icbm-launcher</c>.</param>
/// <param name="Storage">Where non-deployed missiles are kept.</param>
/// <param name="Types">The types.</param>
public sealed record MissileCategory(string Kind, string LauncherKind, string Storage, ImmutableArray<ForceType> Types);

/// <summary>Bombers: items that are their own launchers.</summary>
public sealed record BomberCategory(string Kind, ImmutableArray<ForceType> Types);

/// <summary>A type of missile or bomber.</summary>
/// <param name="Type">Its name, such as "Minuteman III".</param>
/// <param name="Code">A short code for synthetic identifiers.</param>
/// <param name="MaxWarheads">The most warheads one missile of the type carries (0 for bombers).</param>
/// <param name="Bases">The bases where it is deployed, in order of use.</param>
public sealed record ForceType(string Type, string Code, int MaxWarheads, ImmutableArray<string> Bases);

/// <summary>A count of items of a kind and type from a date on (test items), or reached by a date (cumulative conversions).</summary>
public sealed record CountAnchor(LocalDate Date, string Kind, string Type, int Count, ImmutableSortedDictionary<string, string> Attributes);

/// <summary>Items that exist throughout, such as training launchers.</summary>
public sealed record FixedItems(string Kind, string Type, int Count, string Location, string Status);
