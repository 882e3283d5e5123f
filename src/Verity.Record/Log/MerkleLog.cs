using System.Collections.Immutable;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Storage;

namespace Verity.Record.Log;

/// <summary>An append-only RFC 9162 Merkle log over an <see cref="ILogStore"/>: appends entries with their leaf hashes
/// and the subtree hashes they complete, and answers roots and proofs by reading stored hashes.</summary>
/// <remarks>
/// The store keeps the hashes of every level that is a multiple of <see cref="StoredLevelStep"/> (0, 4, 8, …): the leaf
/// hashes, then one hash per complete group of 16, of 256, and so on, as tlog tiles of height 4 do. Any other perfect
/// subtree is folded from at most 8 stored hashes of the stored level below it, so a root or a proof reads O(log n)
/// hashes, about 1.07 hashes stored per entry.
/// <code>
///  level 8  ·                              (one per 256 leaves)
///  level 4  h0 h1 h2 …                      (one per 16 leaves)
///  level 0  l0 l1 … l15 l16 …              (every leaf hash)
/// </code>
/// A log has one writer; open it once per process.
/// </remarks>
public sealed class MerkleLog : INodeHashReader
{
    /// <summary>The distance between stored levels.</summary>
    public const int StoredLevelStep = 4;

    /// <summary>Hashes per group: one stored hash of a level folds this many of the stored level below.</summary>
    internal const int GroupSize = 1 << StoredLevelStep;

    private readonly ILogStore _store;
    private List<List<Sha256Hash>> _pending;

    private MerkleLog(ILogStore store, long size, List<List<Sha256Hash>> pending)
    {
        _store = store;
        Size = size;
        _pending = pending;
    }

    /// <summary>The number of entries.</summary>
    public long Size { get; private set; }

    /// <summary>The store.</summary>
    public ILogStore Store => _store;

    /// <summary>Opens the log held by <paramref name="store"/>.</summary>
    public static async Task<MerkleLog> OpenAsync(ILogStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (size, pending) = await LoadAsync(store, cancellationToken).ConfigureAwait(false);
        return new MerkleLog(store, size, pending);
    }

    /// <summary>Appends <paramref name="entries"/> in one durable batch and returns the new size.</summary>
    /// <exception cref="LogStoreException">The store refused or failed; nothing was appended.</exception>
    public async Task<long> AppendAsync(IReadOnlyList<ReadOnlyMemory<byte>> entries, IReadOnlyList<PartySequence>? sequences = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var leafHashes = new Sha256Hash[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            leafHashes[i] = Rfc9162.HashLeaf(entries[i].Span);
        }

        var stored = new StoredEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            stored[i] = new StoredEntry(Size + i, entries[i], leafHashes[i]);
        }

        var pending = _pending.Select(level => new List<Sha256Hash>(level)).ToList();
        var newSize = checked(Size + entries.Count);
        var hashes = Extend(pending, leafHashes, newSize);
        var batch = new LogAppend(Size, ImmutableArray.Create(stored), hashes, sequences is null ? [] : [.. sequences]);
        try
        {
            await _store.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (LogStoreException)
        {
            (Size, _pending) = await LoadAsync(_store, cancellationToken).ConfigureAwait(false);
            throw;
        }

        Size = newSize;
        _pending = pending;
        return newSize;
    }

    /// <summary>The root at <paramref name="treeSize"/> (default: the current size).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is beyond the log.</exception>
    public Task<Sha256Hash> RootAsync(long? treeSize = null, CancellationToken cancellationToken = default)
    {
        var size = treeSize ?? Size;
        CheckSize(size, nameof(treeSize));
        return ProofBuilder.RootAsync(this, size, cancellationToken);
    }

    /// <summary>The root the log would have after appending entries with these leaf hashes, without storing anything:
    /// the check a mirror makes before it appends a peer's entries (they must hash to the peer's signed checkpoint).</summary>
    /// <remarks>The root of a tree of size n folds the perfect subtrees of n's binary expansion from right to left
    /// (RFC 9162 §2.1.1); the new leaves join them as in a binary counter. Reads at most log2(n) stored subtree hashes.</remarks>
    public async Task<Sha256Hash> RootWithAsync(IReadOnlyList<Sha256Hash> leafHashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var size = Size;
        var frontier = new List<NodeId>();
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                frontier.Add(new NodeId(level, (size >> level) - 1));
            }
        }

        var hashes = await ReadNodeHashesAsync(frontier, cancellationToken).ConfigureAwait(false);
        var stack = new List<(int Level, Sha256Hash Hash)>(frontier.Count + 8);
        for (var i = 0; i < frontier.Count; i++)
        {
            stack.Add((frontier[i].Level, hashes[i]));
        }

        foreach (var leaf in leafHashes)
        {
            var (level, hash) = (0, leaf);
            while (stack.Count > 0 && stack[^1].Level == level)
            {
                hash = Rfc9162.HashChildren(stack[^1].Hash, hash);
                stack.RemoveAt(stack.Count - 1);
                level++;
            }

            stack.Add((level, hash));
        }

        if (stack.Count == 0)
        {
            return Rfc9162.EmptyRoot;
        }

        var root = stack[^1].Hash;
        for (var i = stack.Count - 2; i >= 0; i--)
        {
            root = Rfc9162.HashChildren(stack[i].Hash, root);
        }

        return root;
    }

    /// <summary>The inclusion proof of entry <paramref name="leafIndex"/> at <paramref name="treeSize"/> (default: current size).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index or size is beyond the log.</exception>
    public Task<InclusionProof> InclusionProofAsync(long leafIndex, long? treeSize = null, CancellationToken cancellationToken = default)
    {
        var size = treeSize ?? Size;
        CheckSize(size, nameof(treeSize));
        return ProofBuilder.InclusionAsync(this, leafIndex, size, cancellationToken);
    }

    /// <summary>The consistency proof from <paramref name="firstSize"/> to <paramref name="secondSize"/> (default: current size).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is beyond the log or the sizes are out of order.</exception>
    public Task<ConsistencyProof> ConsistencyProofAsync(long firstSize, long? secondSize = null, CancellationToken cancellationToken = default)
    {
        var size = secondSize ?? Size;
        CheckSize(size, nameof(secondSize));
        return ProofBuilder.ConsistencyAsync(this, firstSize, size, cancellationToken);
    }

    /// <summary>The checkpoint at the current size.</summary>
    public async Task<Checkpoint> CheckpointAsync(string origin, CancellationToken cancellationToken = default) =>
        new(origin, Size, await RootAsync(Size, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Sha256Hash>> ReadNodeHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var result = new Sha256Hash[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Index < 0 || ((node.Index + 1) << node.Level) > Size)
            {
                throw new ArgumentOutOfRangeException(nameof(nodes), node, $"{node} is not a complete subtree of the log (size {Size})");
            }

            var baseLevel = node.Level - (node.Level % StoredLevelStep);
            var width = 1 << (node.Level - baseLevel);
            var start = node.Index << (node.Level - baseLevel);
            var hashes = await _store.ReadHashesAsync(baseLevel, start, width, cancellationToken).ConfigureAwait(false);
            if (hashes.Count != width)
            {
                throw LogStoreException.Corrupt(_store.Location, $"{width} hashes expected at level {baseLevel} from index {start}, found {hashes.Count}");
            }

            result[i] = Rfc9162.HashPerfect(hashes is Sha256Hash[] array ? array : [.. hashes]);
        }

        return result;
    }

    /// <summary>Feeds new leaf hashes into the per-level pending groups and returns every stored hash they complete.</summary>
    /// <remarks><paramref name="pending"/>[k] holds the hashes at level 4k not yet folded into level 4k+4.</remarks>
    internal static ImmutableArray<StoredHash> Extend(List<List<Sha256Hash>> pending, ReadOnlySpan<Sha256Hash> leafHashes, long newSize)
    {
        var hashes = ImmutableArray.CreateBuilder<StoredHash>();
        ExtendFrom(pending, 0, leafHashes, newSize, hashes);
        return hashes.ToImmutable();
    }

    /// <summary>As <see cref="Extend"/>, for hashes of stored level 4·<paramref name="k"/> computed elsewhere (for
    /// example in parallel): adds them to pending[k] and folds every completed group upwards into <paramref name="emitted"/>.</summary>
    internal static void ExtendFrom(List<List<Sha256Hash>> pending, int k, ReadOnlySpan<Sha256Hash> hashesAtLevel, long newSize, ImmutableArray<StoredHash>.Builder emitted)
    {
        while (pending.Count <= k)
        {
            pending.Add([]);
        }

        pending[k].AddRange(hashesAtLevel);
        for (; k < pending.Count; k++)
        {
            var level = k * StoredLevelStep;
            var group = pending[k];
            if (group.Count < GroupSize)
            {
                continue;
            }

            var count = newSize >> level;
            var first = count - group.Count;
            var taken = 0;
            while (group.Count - taken >= GroupSize)
            {
                var hash = Rfc9162.HashPerfect(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(group).Slice(taken, GroupSize));
                if (k + 1 == pending.Count)
                {
                    pending.Add([]);
                }

                pending[k + 1].Add(hash);
                emitted.Add(new StoredHash(new NodeId(level + StoredLevelStep, (first + taken) / GroupSize), hash));
                taken += GroupSize;
            }

            group.RemoveRange(0, taken);
        }
    }

    private static async Task<(long Size, List<List<Sha256Hash>> Pending)> LoadAsync(ILogStore store, CancellationToken cancellationToken)
    {
        var size = await store.GetSizeAsync(cancellationToken).ConfigureAwait(false);
        var pending = new List<List<Sha256Hash>>();
        for (var level = 0; level < 63 && (size >> level) > 0; level += StoredLevelStep)
        {
            var count = size >> level;
            var first = count / GroupSize * GroupSize;
            var want = (int)(count - first);
            var hashes = await store.ReadHashesAsync(level, first, want, cancellationToken).ConfigureAwait(false);
            if (hashes.Count != want)
            {
                throw LogStoreException.Corrupt(store.Location, $"{want} hashes expected at level {level} from index {first}, found {hashes.Count}");
            }

            pending.Add([.. hashes]);
        }

        return (size, pending);
    }

    private void CheckSize(long size, string name)
    {
        if (size < 0 || size > Size)
        {
            throw new ArgumentOutOfRangeException(name, size, $"tree size {size} is beyond the log (size {Size})");
        }
    }
}
