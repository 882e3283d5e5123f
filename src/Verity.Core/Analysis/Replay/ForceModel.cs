using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Analysis.Replay;

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
