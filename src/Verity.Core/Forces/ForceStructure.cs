using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Forces;

/// <summary>
/// A state's force structure over time (<c>data/forces/structures/*.yaml</c>): its system types with launchers, missiles,
/// warheads and bases in dated steps, and its warheads in storage. <see cref="ForceBuilder"/> turns it into items.
/// </summary>
/// <param name="Origin">The file it was read from.</param>
/// <param name="State">The state.</param>
/// <param name="Through">The date of the latest reference; after it, the last steps are held flat and every item is labelled projected.</param>
/// <param name="Systems">The system types.</param>
/// <param name="Storage">The warheads not on the systems, in date order.</param>
public sealed record ForceStructure(string Origin, PartyCode State, LocalDate Through, ImmutableArray<ForceSystem> Systems, ImmutableArray<StorageStep> Storage);
