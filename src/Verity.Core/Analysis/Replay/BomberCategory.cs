using System.Collections.Immutable;

namespace Verity.Core.Analysis.Replay;

/// <summary>Bombers: items that are their own launchers.</summary>
public sealed record BomberCategory(string Kind, ImmutableArray<ForceType> Types);
