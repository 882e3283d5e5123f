using System.Collections.Immutable;

namespace Verity.Core.Treaties;

/// <summary>A named variant of a draft: other group memberships, such as China inside or outside a group.</summary>
/// <param name="Id">The variant's name.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Text">What it changes.</param>
/// <param name="Groups">The groups it redefines, replacing those of the same identifier.</param>
public sealed record TreatyVariant(string Id, string Name, string? Text, ImmutableArray<PartyGroup> Groups);
