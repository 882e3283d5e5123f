using Verity.Node.Logs;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Node.Peers;

/// <summary>A verified copy of a peer's log. Entries are taken only in batches that end at a checkpoint the party
/// signed: every statement must be the party's, signed by its key in force (following its key rotations), in sequence,
/// and the batch must hash to the checkpoint's root on top of what is held — otherwise nothing is stored.
/// Entries already held are compared and skipped, so a batch delivered twice is applied once.
/// The party's latest signed checkpoint that the mirror matches is kept durably beside the log (the store's note
/// <see cref="LatestNote"/>) and taken back after a restart only if it still verifies against the party's keys and the
/// mirror's size and root: a node that restarts still holds the party to what it signed.</summary>
public sealed class Mirror : IDisposable
{
    /// <summary>The name of the store note that keeps <see cref="Latest"/> across restarts.</summary>
    public const string LatestNote = "latest-checkpoint";

    private VerifierKey? _inForce;
    private SignedNote? _latest;
    private bool _loaded; // the stored note has been read back (only under the log's gate)

    /// <summary>Mirrors <paramref name="peer"/>'s log in <paramref name="log"/>.</summary>
    public Mirror(Peer peer, HeldLog log)
    {
        Peer = peer;
        Log = log;
    }

    /// <summary>The peer.</summary>
    public Peer Peer { get; }

    /// <summary>The mirrored log.</summary>
    public HeldLog Log { get; }

    /// <summary>The party's latest signed checkpoint that the mirror matches, as last read or received: null before
    /// <see cref="LatestAsync"/> (or an offer or check) has read back the stored one, and if none verifies.</summary>
    public SignedNote? Latest => Volatile.Read(ref _latest);

    /// <summary>When an entry was last stored or verified.</summary>
    public DateTimeOffset? LastVerified { get; private set; }

    /// <summary>Every key of the party this node knows: the configured one and those its rotations named.</summary>
    public IReadOnlyList<VerifierKey> Keys => _inForce is { } k && (k.Name, k.KeyId) != (Peer.Key.Name, Peer.Key.KeyId) ? [Peer.Key, k] : [Peer.Key];

    /// <summary>Opens a checkpoint note of this log: signed by one of the party's keys, with the party's origin line.</summary>
    public bool TryOpen(string note, out SignedNote? opened, out Checkpoint? checkpoint, out string? problem) =>
        TryOpen(note, null, out opened, out checkpoint, out problem);

    /// <summary>As <see cref="TryOpen(string, out SignedNote?, out Checkpoint?, out string?)"/>, also accepting
    /// <paramref name="also"/>: the key a rotation in the batch being offered puts in force.</summary>
    private bool TryOpen(string note, VerifierKey? also, out SignedNote? opened, out Checkpoint? checkpoint, out string? problem)
    {
        opened = null;
        checkpoint = null;
        if (!SignedNote.TryParse(note, out var parsed, out problem))
        {
            return false;
        }

        var opening = Checkpoint.Open(note, also is null ? Keys : [.. Keys, also]);
        if (!opening.IsValid)
        {
            problem = $"not a checkpoint signed by {Peer.Party}: {opening.Problem}";
            return false;
        }

        if (opening.Checkpoint!.Origin != Peer.Origin)
        {
            problem = $"origin '{opening.Checkpoint.Origin}' is not {Peer.Party}'s ('{Peer.Origin}')";
            return false;
        }

        (opened, checkpoint) = (parsed, opening.Checkpoint);
        return true;
    }

    /// <summary>The party's latest signed checkpoint that the mirror matches: the one kept in the store if it has not
    /// been read since the node opened the mirror and still verifies, or the last one received since.</summary>
    /// <returns>The checkpoint, or null if none has arrived or the stored one does not verify.</returns>
    public async Task<SignedNote?> LatestAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _loaded))
        {
            return Latest;
        }

        return await Log.WriteAsync(async statements =>
        {
            await LoadAsync(statements.Log, cancellationToken).ConfigureAwait(false);
            return Latest;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Offers entries <paramref name="start"/>… of the party's log, ending at the signed <paramref name="note"/>.</summary>
    public async Task<MirrorOutcome> OfferAsync(long start, IReadOnlyList<ReadOnlyMemory<byte>> entries, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // The signature is checked inside the gate, once the party's key in force is known (a rotation in this very
        // batch may put in force the key that signed the checkpoint); here only the form.
        if (!SignedNote.TryParse(note, out var parsed, out var problem) || !Checkpoint.TryParse(parsed.Text, out var claimed, out problem))
        {
            return new MirrorOutcome.Refused("checkpoint", $"not a signed checkpoint: {problem}");
        }

        if (start < 0)
        {
            return new MirrorOutcome.Refused("start", $"{start} is negative");
        }

        var end = start + entries.Count;
        if (claimed.TreeSize != end)
        {
            return new MirrorOutcome.Refused("checkpoint", $"the checkpoint is of size {claimed.TreeSize}, but the entries end at {end}");
        }

        return await Log.WriteAsync<MirrorOutcome>(async statements =>
        {
            var merkle = statements.Log;
            await LoadAsync(merkle, cancellationToken).ConfigureAwait(false);
            var size = merkle.Size;
            if (start > size)
            {
                return new MirrorOutcome.Gap(size);
            }

            // Entries the mirror holds were signed under the keys known now; a checkpoint that ends within them must be too.
            SignedNote? signed = null;
            Checkpoint? checkpoint = null;
            if (end <= size && !TryOpen(note, null, out signed, out checkpoint, out var unverified))
            {
                return new MirrorOutcome.Refused("checkpoint", unverified!);
            }

            if (end > size && !TryOpen(note, null, out signed, out checkpoint, out _))
            {
                // Judged after the batch's rotations below; held entries are compared without it.
                (signed, checkpoint) = (null, null);
            }

            // Entries already held must be the very same bytes: then they are skipped (applied once).
            var overlap = (int)Math.Min(size - start, entries.Count);
            if (overlap > 0)
            {
                var held = await Log.Store.ReadEntriesAsync(start, overlap, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < overlap; i++)
                {
                    if (held[i].LeafHash != Rfc9162.HashLeaf(entries[i].Span))
                    {
                        var reason = $"entry {start + i} differs from the one held, which an earlier checkpoint of {Peer.Party} committed to";
                        return signed is null ? new MirrorOutcome.Refused("checkpoint", $"{reason}, and the checkpoint is not signed by a key of {Peer.Party} known here") : Conflict(signed, reason);
                    }
                }
            }

            if (end <= size)
            {
                var root = await merkle.RootAsync(end, cancellationToken).ConfigureAwait(false);
                if (root != checkpoint!.RootHash)
                {
                    return Conflict(signed!, $"the checkpoint's root at size {end} differs from the root of the entries held");
                }

                // The mirror may hold more than the batch (it pulled ahead, say after a restart): the checkpoint it now
                // matches is its latest, of its own size; when none of that size is held (the one kept after a restart is
                // stale), the batch's.
                await AcceptAsync(signed!, end, size, now, cancellationToken).ConfigureAwait(false);
                return new MirrorOutcome.Stored(size, await merkle.RootAsync(cancellationToken: cancellationToken).ConfigureAwait(false), 0, entries.Count, Latest ?? signed!);
            }

            // Each statement's key in force follows the rotations before it; the signatures are then checked on every core.
            var fresh = new List<SignedStatement>(entries.Count - overlap);
            var keys = new List<VerifierKey>(entries.Count - overlap);
            var inForce = _inForce ?? Peer.Key;
            for (var i = overlap; i < entries.Count; i++)
            {
                var field = $"entries[{start + i}]";
                if (!SignedStatement.TryParse(entries[i], out var statement, out var why))
                {
                    return new MirrorOutcome.Refused(field, $"not a signed statement: {why}");
                }

                if (statement.Statement.Party != Peer.Party)
                {
                    return new MirrorOutcome.Refused(field, $"a statement of {statement.Statement.Party} in {Peer.Party}'s log");
                }

                fresh.Add(statement);
                keys.Add(inForce);
                if (statement.Statement.Type == KeyRotation.Type && KeyRotation.TryReadNewKey(statement.Statement, out var next, out _))
                {
                    inForce = next;
                }
            }

            var bad = new int[fresh.Count];
            Parallel.For(0, fresh.Count, i => bad[i] = fresh[i].Verify(keys[i]) ? 0 : 1);
            if (Array.IndexOf(bad, 1) is var first and >= 0)
            {
                var key = keys[first];
                return new MirrorOutcome.Refused($"entries[{start + overlap + first}]", $"not signed by {Peer.Party}'s key in force ({key.Name}+{key.KeyId:x8}); signed by {fresh[first].Signature.KeyLabel}");
            }

            if (signed is null && !TryOpen(note, inForce, out signed, out checkpoint, out var unsigned))
            {
                return new MirrorOutcome.Refused("checkpoint", unsigned!);
            }

            var expected = await merkle.RootWithAsync([.. fresh.Select(s => s.LeafHash)], cancellationToken).ConfigureAwait(false);
            if (expected != checkpoint!.RootHash)
            {
                return new MirrorOutcome.Refused("entries", $"the entries do not hash to the root of {Peer.Party}'s checkpoint at size {end}: they break the log's consistency");
            }

            try
            {
                await statements.AppendAsync(fresh, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                return new MirrorOutcome.Refused("entries", e.Message);
            }

            _inForce = inForce;
            await AcceptAsync(signed!, end, end, now, cancellationToken).ConfigureAwait(false);
            return new MirrorOutcome.Stored(end, checkpoint.RootHash, fresh.Count, overlap, signed!);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a checkpoint of this log against what is held, without entries: equivocation if the mirror
    /// covers its size and has another root there, or if it has the same size as the latest and another root.</summary>
    /// <returns>Evidence, or null if nothing contradicts it (a checkpoint beyond the mirror is not judged here).</returns>
    public async Task<Evidence?> CheckAsync(SignedNote note, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(checkpoint);
        return await Log.ReadAsync(async merkle =>
        {
            await LoadAsync(merkle, cancellationToken).ConfigureAwait(false);
            if (checkpoint.TreeSize > merkle.Size)
            {
                return null;
            }

            var root = await merkle.RootAsync(checkpoint.TreeSize, cancellationToken).ConfigureAwait(false);
            return root == checkpoint.RootHash || Latest is not { } latest
                ? null
                : new Evidence(Peer.Party, $"two checkpoints signed by {Peer.Party} disagree about its log at size {checkpoint.TreeSize}", latest, note);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => Log.Dispose();

    private MirrorOutcome Conflict(SignedNote offered, string reason) =>
        Latest is { } latest
            ? new MirrorOutcome.Equivocation(new Evidence(Peer.Party, reason, latest, offered))
            : new MirrorOutcome.Refused("entries", reason);

    // Under the log's gate: the checkpoint the mirror now matches is written durably before it is held or answered.
    private async Task AcceptAsync(SignedNote signed, long checkpointSize, long mirrorSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (checkpointSize == mirrorSize)
        {
            var text = signed.ToString();
            if (Latest?.ToString() != text)
            {
                await Log.Store.WriteNoteAsync(LatestNote, text, cancellationToken).ConfigureAwait(false);
            }

            Volatile.Write(ref _latest, signed);
        }

        LastVerified = now;
    }

    // Under the log's gate, once: the party's key in force, then the stored checkpoint, taken only if it opens with the
    // party's keys and matches the mirror's size and root. Anything else (tampered, stale, another party's) is ignored:
    // the next checkpoint the party signs replaces it.
    private async Task LoadAsync(MerkleLog merkle, CancellationToken cancellationToken)
    {
        _inForce ??= await KeyRotation.KeyInForceAsync(Log.Store, Peer.Party, cancellationToken).ConfigureAwait(false) ?? Peer.Key;
        if (_loaded)
        {
            return;
        }

        if (Latest is null
            && await ReadStoredAsync(cancellationToken).ConfigureAwait(false) is { } stored
            && TryOpen(stored, out var signed, out var checkpoint, out _)
            && checkpoint!.TreeSize == merkle.Size
            && await merkle.RootAsync(checkpoint.TreeSize, cancellationToken).ConfigureAwait(false) == checkpoint.RootHash)
        {
            Volatile.Write(ref _latest, signed);
        }

        Volatile.Write(ref _loaded, true);
    }

    private async Task<string?> ReadStoredAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Log.Store.ReadNoteAsync(LatestNote, cancellationToken).ConfigureAwait(false);
        }
        catch (LogStoreException e) when (e.IsCorruption)
        {
            return null; // a damaged note is no checkpoint; the log itself is checked where it is read
        }
    }
}
