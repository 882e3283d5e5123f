using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Forces;

/// <summary>A system type's numbers from a date on, until the next step.</summary>
/// <param name="From">The first date the numbers hold.</param>
/// <param name="Launchers">Launchers (silos, tubes; for bombers, bombers), deployed and non-deployed together.</param>
/// <param name="Deployed">Deployed missiles (each on a deployed launcher) or deployed bombers; at most <paramref name="Launchers"/>.</param>
/// <param name="Warheads">Warheads on the deployed missiles, or weapons at the deployed bombers' bases; <c>null</c> when none are assigned.</param>
/// <param name="Bases">Where the system is from this date; empty to keep the system's bases.</param>
public sealed record SystemStep(LocalDate From, StructureFigure Launchers, StructureFigure Deployed, StructureFigure? Warheads, ImmutableArray<string> Bases);
