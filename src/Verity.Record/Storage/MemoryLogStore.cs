using Verity.Record.Merkle;

namespace Verity.Record.Storage;

/// <summary>A log store in memory: for tests and for short-lived logs. Not durable: everything is gone with the process.</summary>
public sealed class MemoryLogStore : ILogStore
{
    private readonly List<StoredEntry> _entries = [];
    private readonly Dictionary<int, List<Sha256Hash>> _levels = [];
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _notes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public string Location => "memory";

    /// <inheritdoc/>
    public Task<long> GetSizeAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult((long)_entries.Count);
        }
    }

    /// <inheritdoc/>
    public Task AppendAsync(LogAppend batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            if (batch.StartIndex != _entries.Count)
            {
                throw LogStoreException.Conflict(Location, batch.StartIndex, _entries.Count);
            }

            foreach (var hash in batch.Hashes)
            {
                var level = Level(hash.Node.Level);
                if (hash.Node.Index != level.Count)
                {
                    throw new LogStoreException($"{Location}: hash for {hash.Node} out of order (level has {level.Count})");
                }

                level.Add(hash.Hash);
            }

            foreach (var entry in batch.Entries)
            {
                _entries.Add(entry with { Data = entry.Data.ToArray() });
            }

            foreach (var sequence in batch.Sequences)
            {
                _sequences[sequence.Party] = sequence.Sequence;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredEntry>> ReadEntriesAsync(long start, int count, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var from = (int)Math.Min(start, _entries.Count);
            var take = Math.Min(count, _entries.Count - from);
            return Task.FromResult<IReadOnlyList<StoredEntry>>(_entries.GetRange(from, take));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Sha256Hash>> ReadHashesAsync(int level, long start, int count, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            List<Sha256Hash> source = level == 0 ? _entries.Select(e => e.LeafHash).ToList() : Level(level);
            var from = (int)Math.Min(start, source.Count);
            var take = Math.Min(count, source.Count - from);
            return Task.FromResult<IReadOnlyList<Sha256Hash>>(source.Skip(from).Take(take).ToList());
        }
    }

    /// <inheritdoc/>
    public Task<long> ReadSequenceAsync(string party, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_sequences.GetValueOrDefault(party));
        }
    }

    /// <inheritdoc/>
    public Task<string?> ReadNoteAsync(string name, CancellationToken cancellationToken = default)
    {
        LogNotes.ThrowIfInvalidName(name);
        lock (_gate)
        {
            return Task.FromResult(_notes.GetValueOrDefault(name));
        }
    }

    /// <inheritdoc/>
    public Task WriteNoteAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        LogNotes.ThrowIfInvalid(name, text);
        lock (_gate)
        {
            _notes[name] = text;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private List<Sha256Hash> Level(int level)
    {
        if (!_levels.TryGetValue(level, out var list))
        {
            list = [];
            _levels[level] = list;
        }

        return list;
    }
}
