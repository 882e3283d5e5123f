using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Record.Log;

/// <summary>A party log of signed statements: a <see cref="MerkleLog"/> that also keeps each party's sequence numbers
/// strictly increasing.</summary>
public sealed class StatementLog
{
    private StatementLog(MerkleLog log) => Log = log;

    /// <summary>The Merkle log underneath.</summary>
    public MerkleLog Log { get; }

    /// <summary>Opens the statement log held by <paramref name="store"/>.</summary>
    public static async Task<StatementLog> OpenAsync(ILogStore store, CancellationToken cancellationToken = default) =>
        new(await MerkleLog.OpenAsync(store, cancellationToken).ConfigureAwait(false));

    /// <summary>The next sequence number for <paramref name="party"/>: one more than its last.</summary>
    public async Task<long> NextSequenceAsync(string party, CancellationToken cancellationToken = default) =>
        await Log.Store.ReadSequenceAsync(party, cancellationToken).ConfigureAwait(false) + 1;

    /// <summary>Appends signed statements in one durable batch and returns the new size. The statements' bytes are
    /// stored as they are.</summary>
    /// <exception cref="ArgumentException">A statement's sequence number is not after its party's last one; nothing is appended.</exception>
    /// <exception cref="LogStoreException">The store refused or failed; nothing is appended.</exception>
    public async Task<long> AppendAsync(IReadOnlyList<SignedStatement> statements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        var entries = new ReadOnlyMemory<byte>[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i].Statement;
            if (!last.TryGetValue(statement.Party, out var previous))
            {
                previous = await Log.Store.ReadSequenceAsync(statement.Party, cancellationToken).ConfigureAwait(false);
            }

            if (statement.Sequence <= previous)
            {
                throw new ArgumentException(
                    $"statement {i} of the batch: party {statement.Party} sequence {statement.Sequence} is not after {previous}", nameof(statements));
            }

            last[statement.Party] = statement.Sequence;
            entries[i] = statements[i].Bytes;
        }

        var sequences = last.Select(p => new PartySequence(p.Key, p.Value)).ToList();
        return await Log.AppendAsync(entries, sequences, cancellationToken).ConfigureAwait(false);
    }
}
