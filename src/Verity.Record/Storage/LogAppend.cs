using System.Collections.Immutable;
using Verity.Record.Merkle;

namespace Verity.Record.Storage;

/// <summary>One batch for <see cref="ILogStore.AppendAsync"/>: entries from <see cref="StartIndex"/> on, the subtree hashes
/// they complete, and the parties' new last sequence numbers.</summary>
/// <param name="StartIndex">The index of the first entry: the store's size before the append.</param>
/// <param name="Entries">The entries with their leaf hashes.</param>
/// <param name="Hashes">Newly completed subtree hashes at the stored levels above 0.</param>
/// <param name="Sequences">Each party's last sequence number after the batch.</param>
public sealed record LogAppend(
    long StartIndex,
    ImmutableArray<StoredEntry> Entries,
    ImmutableArray<StoredHash> Hashes,
    ImmutableArray<PartySequence> Sequences);
