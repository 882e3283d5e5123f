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
}
