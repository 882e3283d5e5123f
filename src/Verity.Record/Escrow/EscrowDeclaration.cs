using System.Collections.Immutable;
using System.Security.Cryptography;
using Verity.Record.Merkle;

namespace Verity.Record.Escrow;

/// <summary>A party's secret side of an escrowed declaration: the items and their salts. The party keeps it, publishes
/// <see cref="Commitment"/>, and reveals items one at a time (<see cref="Reveal"/>) as the treaty calls for them.</summary>
/// <remarks>After Philippe, Glaser &amp; Felten, "A Cryptographic Escrow for Treaty Declarations and Step-by-Step
/// Verification", Science &amp; Global Security 27(1), 2019 (arXiv:1809.04170): each item is hidden by a fresh
/// 32-byte salt, so the root discloses nothing about items not yet revealed.</remarks>
public sealed class EscrowDeclaration
{
    private readonly MemoryTree _tree;

    private EscrowDeclaration(ImmutableArray<EscrowItem> items, ImmutableArray<ImmutableArray<byte>> salts)
    {
        Items = items;
        Salts = salts;
        _tree = new MemoryTree(items.Select((item, i) => Rfc9162.HashLeaf(EscrowReveal.LeafEntry(salts[i].AsSpan(), item))));
        Commitment = new EscrowCommitment(_tree.Root, items.Length);
    }

    /// <summary>The declared items, in order.</summary>
    public ImmutableArray<EscrowItem> Items { get; }

    /// <summary>Each item's salt. Secret until the item is revealed.</summary>
    public ImmutableArray<ImmutableArray<byte>> Salts { get; }

    /// <summary>What to publish.</summary>
    public EscrowCommitment Commitment { get; }

    /// <summary>Commits to <paramref name="items"/> with fresh salts from <paramref name="random"/>.</summary>
    /// <exception cref="ArgumentException">There are no items.</exception>
    public static EscrowDeclaration Commit(IReadOnlyList<EscrowItem> items, RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(random);
        if (items.Count == 0)
        {
            throw new ArgumentException("a declaration needs at least one item", nameof(items));
        }

        var salts = items.Select(_ =>
        {
            var salt = new byte[EscrowReveal.SaltLength];
            random.GetBytes(salt);
            return ImmutableArray.Create(salt);
        }).ToImmutableArray();
        return new EscrowDeclaration([.. items], salts);
    }

    /// <summary>Restores a declaration from its items and salts (as kept by the party).</summary>
    /// <exception cref="ArgumentException">Counts differ or a salt is not 32 bytes.</exception>
    public static EscrowDeclaration Restore(IReadOnlyList<EscrowItem> items, IReadOnlyList<ImmutableArray<byte>> salts)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(salts);
        if (items.Count != salts.Count || items.Count == 0 || salts.Any(s => s.Length != EscrowReveal.SaltLength))
        {
            throw new ArgumentException($"{items.Count} items need as many {EscrowReveal.SaltLength}-byte salts, got {salts.Count}", nameof(salts));
        }

        return new EscrowDeclaration([.. items], [.. salts]);
    }

    /// <summary>Reveals the item at <paramref name="index"/> with its salt and inclusion proof.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the declaration.</exception>
    public EscrowReveal Reveal(long index)
    {
        var proof = _tree.Inclusion(index);
        return new EscrowReveal(index, Items[(int)index], Salts[(int)index], proof);
    }
}
