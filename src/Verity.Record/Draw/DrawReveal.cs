using System.Collections.Immutable;

namespace Verity.Record.Draw;

/// <summary>A party's revealed nonce for a joint draw.</summary>
/// <param name="Party">The party.</param>
/// <param name="Nonce">The 32 secret bytes it committed to.</param>
public sealed record DrawReveal(string Party, ImmutableArray<byte> Nonce);
