using System.Collections.Immutable;

namespace Verity.Core.Analysis.Replay;

/// <summary>Missiles of one kind and their launchers.</summary>
/// <param name="Kind">The missile kind, such as <c>icbm</c>.</param>
/// <param name="LauncherKind">The launcher kind, such as <c>icbm-launcher</c>.</param>
/// <param name="Storage">Where non-deployed missiles are kept.</param>
/// <param name="Types">The types.</param>
public sealed record MissileCategory(string Kind, string LauncherKind, string Storage, ImmutableArray<ForceType> Types);
