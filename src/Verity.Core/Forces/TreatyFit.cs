using System.Collections.Immutable;
using Verity.Core.Items;

namespace Verity.Core.Forces;

/// <summary>Built forces put in a treaty's vocabulary: the items it can count, the ones it has no kind for, and what is missing.</summary>
/// <param name="Counted">The items whose kind the treaty defines.</param>
/// <param name="LeftOut">Items the treaty has no kind for, whose units reach it otherwise (warheads on their missiles, or
/// missiles whose warheads are <c>warhead</c> lines), or not at all when the treaty counts neither.</param>
/// <param name="Missing">Kinds or statuses the forces need and the treaty lacks, each named; empty when the forces fit.</param>
public sealed record TreatyFit(Inventory Counted, ImmutableArray<Item> LeftOut, ImmutableArray<string> Missing);
