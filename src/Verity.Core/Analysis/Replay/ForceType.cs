using System.Collections.Immutable;

namespace Verity.Core.Analysis.Replay;

/// <summary>A type of missile or bomber.</summary>
/// <param name="Type">Its name, such as "Minuteman III".</param>
/// <param name="Code">A short code for synthetic identifiers.</param>
/// <param name="MaxWarheads">The most warheads one missile of the type carries (0 for bombers).</param>
/// <param name="Bases">The bases where it is deployed, in order of use.</param>
public sealed record ForceType(string Type, string Code, int MaxWarheads, ImmutableArray<string> Bases);
