using System.Collections.Immutable;
using Verity.Core.Inspections;
using Verity.Record.Draw;
using Verity.Record.Merkle;

namespace Verity.Node.Inspections;

/// <summary>The inspections' joint draw: Verity.Record's <see cref="JointDraw"/>, with values in base64 as the
/// inspection statements carry them.</summary>
public sealed class RecordJointDraw : IJointDraw
{
    /// <summary>The one instance (it holds nothing).</summary>
    public static RecordJointDraw Instance { get; } = new();

    /// <inheritdoc/>
    public bool Matches(string commitment, string nonce) =>
        Nonce(nonce) is { } bytes && Hash(commitment) is { } hash && Sha256Hash.Compute(bytes.AsSpan()) == hash;

    /// <inheritdoc/>
    public JointDrawOutcome Conclude(IReadOnlyList<string> parties, IReadOnlyList<(string Party, string Commitment)> commitments, IReadOnlyList<(string Party, string Nonce)> reveals)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(reveals);
        var committed = commitments.Select(c => Hash(c.Commitment) is { } hash ? new DrawCommitment(c.Party, hash) : null).ToList();
        if (committed.Any(c => c is null))
        {
            return new JointDrawOutcome(null, ["a commitment is not 32 bytes in base64"], []);
        }

        var revealed = reveals.Select(r => new DrawReveal(r.Party, Nonce(r.Nonce) ?? [])).ToList();
        var outcome = JointDraw.Conclude(parties, committed!, revealed);
        return new JointDrawOutcome(outcome.Seed?.ToBase64(), outcome.Findings, outcome.Withheld);
    }

    /// <inheritdoc/>
    public ImmutableArray<int> Choose(string seed, int size, int count) =>
        Hash(seed) is { } hash ? JointDraw.Select(hash, size, count) : throw new ArgumentException("the seed is not 32 bytes in base64", nameof(seed));

    /// <summary>A fresh nonce and its commitment, base64.</summary>
    public static (string Nonce, string Commitment) NewNonce(System.Security.Cryptography.RandomNumberGenerator random)
    {
        var nonce = JointDraw.NewNonce(random);
        return (Convert.ToBase64String(nonce.AsSpan()), Sha256Hash.Compute(nonce.AsSpan()).ToBase64());
    }

    private static ImmutableArray<byte>? Nonce(string text)
    {
        var bytes = Bytes(text);
        return bytes is { Length: JointDraw.NonceLength } ? [.. bytes] : null;
    }

    private static Sha256Hash? Hash(string text) => Bytes(text) is { Length: Sha256Hash.Length } bytes ? Sha256Hash.FromBytes(bytes) : null;

    private static byte[]? Bytes(string text)
    {
        var buffer = new byte[48];
        return Convert.TryFromBase64String(text ?? string.Empty, buffer, out var written) ? buffer[..written] : null;
    }
}
