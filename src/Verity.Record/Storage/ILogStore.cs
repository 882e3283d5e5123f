using Verity.Record.Merkle;

namespace Verity.Record.Storage;

/// <summary>Where a log's entries and stored subtree hashes live. One interface for every driver (SQLite now,
/// PostgreSQL later); the Merkle logic stays in <see cref="Log.MerkleLog"/>, a store only keeps bytes safely.</summary>
/// <remarks>
/// Contract, checked by the store contract tests for every driver:
/// <list type="bullet">
/// <item>An append is all or nothing, and is durable when the task completes: an acknowledged append is never lost.</item>
/// <item>An append whose <see cref="LogAppend.StartIndex"/> is not the current size changes nothing and throws
/// <see cref="LogStoreException"/> (another writer got there first).</item>
/// <item>Reads return exactly what was appended; a read past the end returns fewer items, never invented ones.</item>
/// <item>Damage the driver can see (a corrupt file) is a <see cref="LogStoreException"/> with
/// <see cref="LogStoreException.IsCorruption"/> set; it is never returned as data.</item>
/// <item>Notes (<see cref="ReadNoteAsync"/>, <see cref="WriteNoteAsync"/>) are kept beside the log, not in it: writing
/// one changes neither the log's size nor its root, and a note written is durable when the task completes.</item>
/// </list>
/// </remarks>
public interface ILogStore : IDisposable
{
    /// <summary>A name for messages: the file or the database.</summary>
    string Location { get; }

    /// <summary>The number of entries.</summary>
    Task<long> GetSizeAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends a batch in one durable transaction.</summary>
    /// <exception cref="LogStoreException">The batch does not start at the current size, or the store failed.</exception>
    Task AppendAsync(LogAppend batch, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="count"/> entries from <paramref name="start"/>, in index order.</summary>
    Task<IReadOnlyList<StoredEntry>> ReadEntriesAsync(long start, int count, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="count"/> stored hashes of one level from <paramref name="start"/>, in index order.
    /// Level 0 is the leaf hashes; other levels hold what appends stored there.</summary>
    Task<IReadOnlyList<Sha256Hash>> ReadHashesAsync(int level, long start, int count, CancellationToken cancellationToken = default);

    /// <summary>The last sequence number appended for <paramref name="party"/>, or 0 if none.</summary>
    Task<long> ReadSequenceAsync(string party, CancellationToken cancellationToken = default);

    /// <summary>The note kept under <paramref name="name"/> beside the log, or null if none was written.</summary>
    /// <remarks>A note is not hashed into the log and no proof covers it: it is whatever was last written here, by this
    /// process or by anyone who could write the store. A reader trusts it only after verifying it — a signed note
    /// against the signer's keys and against the log itself (a mirror's checkpoint must open with the party's key and
    /// match the mirror's size and root).</remarks>
    /// <param name="name">A short identifier such as <c>latest-checkpoint</c> (<see cref="LogNotes.IsValidName"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a note name.</exception>
    /// <exception cref="LogStoreException">The store failed.</exception>
    Task<string?> ReadNoteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Keeps <paramref name="text"/> under <paramref name="name"/> beside the log, replacing any note of that
    /// name, durably when the task completes. The log itself is not changed.</summary>
    /// <param name="name">A short identifier such as <c>latest-checkpoint</c> (<see cref="LogNotes.IsValidName"/>).</param>
    /// <param name="text">The note, typically a signed note: at most <see cref="LogNotes.MaxLength"/> characters, no NUL.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a note name, or <paramref name="text"/> is too
    /// long or holds a NUL character.</exception>
    /// <exception cref="LogStoreException">The store failed.</exception>
    Task WriteNoteAsync(string name, string text, CancellationToken cancellationToken = default);
}
