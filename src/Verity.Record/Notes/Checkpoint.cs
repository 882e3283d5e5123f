using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Verity.Record.Keys;
using Verity.Record.Merkle;

namespace Verity.Record.Notes;

/// <summary>A transparency log checkpoint (c2sp.org/tlog-checkpoint): origin, tree size and root hash, one per line,
/// then optional extension lines; carried as the text of a signed note.</summary>
/// <param name="Origin">The log's identity, non-empty, ideally a schema-less URL.</param>
/// <param name="TreeSize">The number of leaves.</param>
/// <param name="RootHash">MTH of the first <paramref name="TreeSize"/> leaves (RFC 9162 §2.1.1).</param>
/// <param name="Extensions">Opaque extension lines, each non-empty (not recommended by the spec).</param>
public sealed record Checkpoint(string Origin, long TreeSize, Sha256Hash RootHash, ImmutableArray<string> Extensions)
{
    /// <summary>A checkpoint without extension lines.</summary>
    public Checkpoint(string origin, long treeSize, Sha256Hash rootHash) : this(origin, treeSize, rootHash, []) { }

    /// <summary>The note text: <c>origin\nsize\nbase64(root)\n</c> plus extension lines.</summary>
    /// <exception cref="InvalidOperationException">The origin or an extension line is empty or holds a newline.</exception>
    public string ToText()
    {
        if (Origin.Length == 0 || Origin.Contains('\n', StringComparison.Ordinal) || TreeSize < 0
            || Extensions.Any(e => e.Length == 0 || e.Contains('\n', StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("a checkpoint needs a one-line origin, a size of 0 or more and non-empty one-line extensions");
        }

        var builder = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(RootHash.ToBase64()).Append('\n');
        foreach (var extension in Extensions)
        {
            builder.Append(extension).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Signs the checkpoint text as a signed note with <paramref name="key"/>.</summary>
    public SignedNote Sign(SigningKey key) => SignedNote.Sign(ToText(), key);

    /// <summary>Parses checkpoint note text; on failure <paramref name="problem"/> names the line.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Checkpoint? checkpoint, [NotNullWhen(false)] out string? problem)
    {
        checkpoint = null;
        if (string.IsNullOrEmpty(text) || text[^1] != '\n')
        {
            problem = "checkpoint text must end with a newline";
            return false;
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            problem = $"checkpoint has {lines.Length} lines, expected at least 3: origin, tree size, root hash";
            return false;
        }

        if (lines[0].Length == 0)
        {
            problem = "checkpoint line 1: the origin is empty";
            return false;
        }

        // c2sp.org/tlog-checkpoint: ASCII decimal, no leading zeroes unless the tree is empty.
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size.ToString(CultureInfo.InvariantCulture) != lines[1])
        {
            problem = $"checkpoint line 2: tree size '{lines[1]}' is not a decimal number without leading zeroes";
            return false;
        }

        if (!Sha256Hash.TryParseBase64(lines[2], out var root))
        {
            problem = $"checkpoint line 3: root hash '{lines[2]}' is not the base64 of 32 bytes";
            return false;
        }

        for (var i = 3; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                problem = $"checkpoint line {i + 1}: extension lines must not be empty";
                return false;
            }
        }

        checkpoint = new Checkpoint(lines[0], size, root, [.. lines[3..]]);
        problem = null;
        return true;
    }

    /// <summary>Opens a signed checkpoint note: parses it and its text, then verifies it with <paramref name="verifiers"/>.</summary>
    /// <remarks>A note or text that does not parse is <see cref="CheckpointOpening.IsMalformed"/> (bad input); one that
    /// parses but does not verify is not (a finding).</remarks>
    public static CheckpointOpening Open(string note, IEnumerable<VerifierKey> verifiers)
    {
        if (!SignedNote.TryParse(note, out var signed, out var problem) || !TryParse(signed.Text, out var checkpoint, out problem))
        {
            return CheckpointOpening.Malformed(problem);
        }

        var verification = signed.Verify(verifiers);
        return verification.IsValid ? new CheckpointOpening(checkpoint, null) : new CheckpointOpening(null, verification.Message);
    }

    /// <summary>Value equality, extension lines included.</summary>
    public bool Equals(Checkpoint? other) => other is not null && Origin == other.Origin && TreeSize == other.TreeSize
        && RootHash == other.RootHash && Extensions.SequenceEqual(other.Extensions);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Origin, TreeSize, RootHash);
}
