using Verity.Record.Merkle;

namespace Verity.Record.Log;

/// <summary>The outcome of recomputing a whole log: valid with its size and root, or the first finding.</summary>
/// <param name="IsValid">True if every entry, hash, signature and sequence number checked out.</param>
/// <param name="TreeSize">The number of entries the store reports.</param>
/// <param name="Root">The recomputed root, when the log is valid.</param>
/// <param name="FirstBadIndex">The first entry at fault, when the finding is about an entry.</param>
/// <param name="Message">What was found, with the numbers.</param>
public sealed record LogVerification(bool IsValid, long TreeSize, Sha256Hash? Root, long? FirstBadIndex, string Message)
{
    internal static LogVerification Valid(long size, Sha256Hash root) =>
        new(true, size, root, null, $"log of {size} entries verifies: root {root.ToBase64()}");

    internal static LogVerification BadEntry(long size, long index, string what) =>
        new(false, size, null, index, $"entry {index}: {what}");

    internal static LogVerification BadLog(long size, string what) => new(false, size, null, null, what);

    /// <inheritdoc/>
    public override string ToString() => Message;
}
