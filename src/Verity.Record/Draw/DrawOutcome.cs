using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Verity.Record.Merkle;

namespace Verity.Record.Draw;

/// <summary>The result of a joint draw: the seed every party can recompute, or void, naming the parties at fault.</summary>
/// <param name="Seed">SHA-256 of all nonces in party order, when every party revealed correctly.</param>
/// <param name="Findings">Why the draw is void: withheld reveals, reveals that do not match commitments.</param>
/// <param name="Withheld">The parties that did not reveal.</param>
public sealed record DrawOutcome(Sha256Hash? Seed, ImmutableArray<string> Findings, ImmutableArray<string> Withheld)
{
    /// <summary>True when the draw is void and <see cref="Seed"/> is absent.</summary>
    [MemberNotNullWhen(false, nameof(Seed))]
    public bool IsVoid => Seed is null;
}
