using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Verity.Record.Keys;
using Verity.Record.Merkle;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Record.Log;

/// <summary>Recomputes a whole log from its entries: every leaf hash, every stored subtree hash, the root, and for
/// statement logs every signature and each party's sequence numbers. Reports the first finding.</summary>
/// <remarks>Leaf hashing and signature checks run on all cores, chunk by chunk, while the next chunk is read; the
/// subtree hashes are folded in order. Nothing the store says is trusted: stored hashes are compared, not used.</remarks>
public static class LogVerifier
{
    /// <summary>Verifies the log in <paramref name="store"/>. Store damage becomes a finding, not an exception.</summary>
    /// <param name="store">The log.</param>
    /// <param name="keys">The parties' verifier keys (needed when signatures are checked).</param>
    /// <param name="options">What to check; <see cref="LogVerifierOptions.Full"/> by default.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<LogVerification> VerifyAsync(ILogStore store, IReadOnlyCollection<VerifierKey> keys, LogVerifierOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        options ??= LogVerifierOptions.Full;
        long size = 0;
        var readAhead = new StrongBox<Task<IReadOnlyList<StoredEntry>>?>();
        try
        {
            size = await store.GetSizeAsync(cancellationToken).ConfigureAwait(false);
            return await VerifyCoreAsync(store, keys, options, size, readAhead, cancellationToken).ConfigureAwait(false);
        }
        catch (LogStoreException e) when (e.IsCorruption)
        {
            // The store's message names its location; the finding, like every other, names only what is damaged.
            var prefix = store.Location + ": ";
            return LogVerification.BadLog(size, e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message);
        }
        finally
        {
            // A finding returns before the chunk read ahead is taken: that read ends before the caller may close the store.
            if (readAhead.Value is { } pending)
            {
                await Task.WhenAny(pending).ConfigureAwait(false);
                _ = pending.Exception;
            }
        }
    }

    private static async Task<LogVerification> VerifyCoreAsync(ILogStore store, IReadOnlyCollection<VerifierKey> keys, LogVerifierOptions options, long size, StrongBox<Task<IReadOnlyList<StoredEntry>>?> readAhead, CancellationToken cancellationToken)
    {
        var byId = keys.GroupBy(k => (k.Name, k.KeyId)).ToDictionary(g => g.Key, g => g.First());

        // Each party's keys in force: those given, until a key-rotation statement replaces them.
        var current = keys.GroupBy(k => k.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var retired = new Dictionary<(string, uint), long>();
        var pending = new List<List<Sha256Hash>>();
        var lastSequence = new Dictionary<string, long>(StringComparer.Ordinal);
        var chunk = options.ChunkSize;
        readAhead.Value = size > 0 ? store.ReadEntriesAsync(0, (int)Math.Min(chunk, size), cancellationToken) : null;
        for (long start = 0; start < size; start += chunk)
        {
            var want = (int)Math.Min(chunk, size - start);
            var entries = await readAhead.Value!.ConfigureAwait(false);
            if (start + want < size)
            {
                var nextStart = start + want;
                var nextCount = (int)Math.Min(chunk, size - nextStart);
                readAhead.Value = Task.Run(() => store.ReadEntriesAsync(nextStart, nextCount, cancellationToken), cancellationToken);
            }

            if (entries.Count != want)
            {
                return LogVerification.BadEntry(size, start + entries.Count, $"missing: the store reports {size} entries but returned {entries.Count} of {want} from index {start}");
            }

            var leafHashes = new Sha256Hash[want];
            var problems = new string?[want];
            var parsed = options.Statements ? new SignedStatement?[want] : null;

            // Work in groups of 16 entries: each group's leaf hashes, checks and level-4 hash run on any core.
            const int Group = MerkleLog.GroupSize;
            var aligned = pending.Count == 0 || pending[0].Count == 0;
            var fullGroups = aligned ? want / Group : 0;
            var level4 = new Sha256Hash[fullGroups];
            Parallel.For(0, (want + Group - 1) / Group, new ParallelOptions { CancellationToken = cancellationToken }, g =>
            {
                var end = Math.Min((g + 1) * Group, want);
                for (var i = g * Group; i < end; i++)
                {
                    var entry = entries[i];
                    var leaf = Rfc9162.HashLeaf(entry.Data.Span);
                    leafHashes[i] = leaf;
                    if (entry.Index != start + i)
                    {
                        problems[i] = $"stored at index {entry.Index}";
                    }
                    else if (leaf != entry.LeafHash)
                    {
                        problems[i] = $"leaf hash mismatch: stored {entry.LeafHash.ToBase64()}, computed {leaf.ToBase64()} from the entry bytes";
                    }
                    else if (parsed is not null)
                    {
                        problems[i] = CheckStatement(entry, byId, options.Signatures, out parsed[i]);
                    }
                }

                if (g < fullGroups)
                {
                    level4[g] = Rfc9162.HashPerfect(leafHashes.AsSpan(g * Group, Group));
                }
            });

            for (var i = 0; i < want; i++)
            {
                if (problems[i] is { } problem)
                {
                    return LogVerification.BadEntry(size, start + i, problem);
                }

                if (parsed?[i] is { } statement)
                {
                    if (options.Signatures && KeyProblem(statement, start + i, byId, current, retired) is { } keyProblem)
                    {
                        return LogVerification.BadEntry(size, start + i, keyProblem);
                    }

                    var party = statement.Statement.Party;
                    var previous = lastSequence.GetValueOrDefault(party);
                    if (statement.Statement.Sequence <= previous)
                    {
                        return LogVerification.BadEntry(size, start + i, $"party {party} sequence {statement.Statement.Sequence} is not after {previous}");
                    }

                    lastSequence[party] = statement.Statement.Sequence;
                }
            }

            var hashes = ImmutableArray.CreateBuilder<StoredHash>();
            if (fullGroups > 0)
            {
                var firstGroup = start / Group;
                for (var g = 0; g < fullGroups; g++)
                {
                    hashes.Add(new StoredHash(new NodeId(MerkleLog.StoredLevelStep, firstGroup + g), level4[g]));
                }

                MerkleLog.ExtendFrom(pending, 1, level4, start + (fullGroups * Group), hashes);
                MerkleLog.ExtendFrom(pending, 0, leafHashes.AsSpan(fullGroups * Group), start + want, hashes);
            }
            else
            {
                MerkleLog.ExtendFrom(pending, 0, leafHashes, start + want, hashes);
            }

            if (await CompareStoredAsync(store, hashes, cancellationToken).ConfigureAwait(false) is { } finding)
            {
                return LogVerification.BadLog(size, finding);
            }
        }

        if (await CheckNoExtraHashesAsync(store, size, cancellationToken).ConfigureAwait(false) is { } extra)
        {
            return LogVerification.BadLog(size, extra);
        }

        foreach (var (party, sequence) in lastSequence)
        {
            var stored = await store.ReadSequenceAsync(party, cancellationToken).ConfigureAwait(false);
            if (stored != sequence)
            {
                return LogVerification.BadLog(size, $"stored last sequence of party {party} is {stored}, the entries end at {sequence}");
            }
        }

        var root = await ProofBuilder.RootAsync(new PendingNodeReader(pending, size), size, cancellationToken).ConfigureAwait(false);
        return LogVerification.Valid(size, root);
    }

    /// <summary>
    /// In log order: the statement must be signed by a key in force for its party (given, or named by the party's last
    /// rotation); a key introduced by a rotation is verified here, and a rotation puts its new key in force.
    /// </summary>
    private static string? KeyProblem(SignedStatement statement, long index, Dictionary<(string, uint), VerifierKey> given, Dictionary<string, List<VerifierKey>> current, Dictionary<(string, uint), long> retired)
    {
        var party = statement.Statement.Party;
        var label = statement.Signature.KeyLabel;
        var inForce = current.GetValueOrDefault(party);
        var key = inForce?.FirstOrDefault(k => k.KeyId == statement.Signature.KeyId && k.Name == statement.Signature.Name);
        if (key is null)
        {
            return retired.TryGetValue((statement.Signature.Name, statement.Signature.KeyId), out var at)
                ? $"signed by {label}, retired by the key rotation at entry {at}"
                : $"signed by unknown key {label}: not a key of party {party} in force";
        }

        // Signatures by given keys were verified on all cores already.
        if (!given.ContainsKey((key.Name, key.KeyId)) && !statement.Verify(key))
        {
            return $"signature by {label} does not verify";
        }

        if (statement.Statement.Type == KeyRotation.Type)
        {
            if (!KeyRotation.TryReadNewKey(statement.Statement, out var next, out var problem))
            {
                return problem;
            }

            foreach (var old in inForce!)
            {
                retired[(old.Name, old.KeyId)] = index;
            }

            current[party] = [next];
        }

        return null;
    }

    private static string? CheckStatement(StoredEntry entry, Dictionary<(string, uint), VerifierKey> keys, bool signatures, out SignedStatement? statement)
    {
        if (!SignedStatement.TryParse(entry.Data, out statement, out var problem))
        {
            return $"not a signed statement: {problem}";
        }

        if (!signatures)
        {
            return null;
        }

        // Signatures by the keys given are checked here on all cores; a key that a rotation introduced is checked
        // in log order (KeyProblem), where it is known whether it is in force.
        var label = statement.Signature.KeyLabel;
        if (!keys.TryGetValue((statement.Signature.Name, statement.Signature.KeyId), out var key))
        {
            return null;
        }

        return statement.Verify(key) ? null : $"signature by {label} does not verify";
    }

    private static async Task<string?> CompareStoredAsync(ILogStore store, ImmutableArray<StoredHash>.Builder computed, CancellationToken cancellationToken)
    {
        var i = 0;
        while (i < computed.Count)
        {
            // A run of consecutive nodes at one level: Extend emits each level's nodes in index order.
            var level = computed[i].Node.Level;
            var j = i + 1;
            while (j < computed.Count && computed[j].Node.Level == level && computed[j].Node.Index == computed[j - 1].Node.Index + 1)
            {
                j++;
            }

            var first = computed[i].Node.Index;
            var stored = await store.ReadHashesAsync(level, first, j - i, cancellationToken).ConfigureAwait(false);
            for (var n = i; n < j; n++)
            {
                var node = computed[n].Node;
                if (n - i >= stored.Count)
                {
                    return $"subtree hash of entries {node.FirstLeaf}..{node.FirstLeaf + node.LeafCount - 1} ({node}) is missing";
                }

                if (stored[n - i] != computed[n].Hash)
                {
                    return $"subtree hash of entries {node.FirstLeaf}..{node.FirstLeaf + node.LeafCount - 1} ({node}) mismatch: stored {stored[n - i].ToBase64()}, computed {computed[n].Hash.ToBase64()}";
                }
            }

            i = j;
        }

        return null;
    }

    private static async Task<string?> CheckNoExtraHashesAsync(ILogStore store, long size, CancellationToken cancellationToken)
    {
        for (var level = MerkleLog.StoredLevelStep; level < 63; level += MerkleLog.StoredLevelStep)
        {
            var count = size >> level;
            var extra = await store.ReadHashesAsync(level, count, 1, cancellationToken).ConfigureAwait(false);
            if (extra.Count > 0)
            {
                return $"a subtree hash is stored at level {level} index {count}, beyond the {size} entries";
            }

            if (count == 0)
            {
                break;
            }
        }

        return null;
    }
}
