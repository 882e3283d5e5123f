using NodaTime;

namespace Verity.Core.Forces;

/// <summary>Warheads not on the systems, from a date on, until the next step: each becomes one <c>warhead</c> line with a quantity.</summary>
/// <param name="From">The first date the numbers hold.</param>
/// <param name="Stored">Warheads in storage or reserve (in the stockpile, not deployed); <c>null</c> when not given.</param>
/// <param name="Retired">Retired warheads awaiting dismantlement (outside the stockpile); <c>null</c> when not given.</param>
/// <param name="DeployedOther">Deployed warheads not on the systems listed (such as non-strategic bombs abroad); <c>null</c> when none.</param>
/// <param name="Location">Where the stored warheads are, as the references name it.</param>
public sealed record StorageStep(LocalDate From, StructureFigure? Stored, StructureFigure? Retired, StructureFigure? DeployedOther, string Location);
