using System.Collections.Immutable;
using System.Text;
using Verity.Record.Merkle;

namespace Verity.Record.Escrow;

/// <summary>One item disclosed from an escrowed declaration: the item, its salt and the inclusion proof that it is the
/// item at <see cref="Index"/> under the commitment.</summary>
/// <param name="Index">The item's position in the declaration, from 0.</param>
/// <param name="Item">The item.</param>
/// <param name="Salt">The 32 random bytes that hid it.</param>
/// <param name="Proof">The inclusion proof at the committed size.</param>
public sealed record EscrowReveal(long Index, EscrowItem Item, ImmutableArray<byte> Salt, InclusionProof Proof)
{
    /// <summary>The salt length in bytes.</summary>
    public const int SaltLength = 32;

    /// <summary>The leaf entry: salt || UTF-8(item).</summary>
    public static byte[] LeafEntry(ReadOnlySpan<byte> salt, EscrowItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return [.. salt, .. Encoding.UTF8.GetBytes(item.Text)];
    }

    /// <summary>The leaf hash this reveal claims: SHA-256(0x00 || salt || item).</summary>
    public Sha256Hash LeafHash => Rfc9162.HashLeaf(LeafEntry(Salt.AsSpan(), Item));

    /// <summary>Checks the reveal against the published commitment.</summary>
    public EscrowFinding? VerifyAgainst(EscrowCommitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (Salt.Length != SaltLength)
        {
            return EscrowFinding.Contradicts(Index, $"salt is {Salt.Length} bytes, not {SaltLength}");
        }

        if (Index < 0 || Index >= commitment.Count)
        {
            return EscrowFinding.Contradicts(Index, $"index {Index} is beyond the {commitment.Count} committed items");
        }

        if (Proof.LeafIndex != Index || Proof.TreeSize != commitment.Count)
        {
            return EscrowFinding.Contradicts(Index, $"proof is for leaf {Proof.LeafIndex} of {Proof.TreeSize}, not {Index} of {commitment.Count}");
        }

        var result = Proof.Verify(LeafHash, commitment.Root);
        return result.IsValid ? null : EscrowFinding.Contradicts(Index, result.Message);
    }
}
