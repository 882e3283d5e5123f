using Verity.Core;
using Verity.Node.Peers;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Node.Logs;

/// <summary>Every log the node holds: its own and a verified mirror of each peer's, by party.</summary>
public sealed class LogDirectory : IPartyLogs, IDisposable
{
    private readonly Dictionary<string, HeldLog> _logs;

    /// <summary>The node's own log and its mirrors.</summary>
    public LogDirectory(PartyLog own, IEnumerable<Mirror> mirrors)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(mirrors);
        Own = own;
        Mirrors = mirrors.ToDictionary(m => m.Peer.Party, StringComparer.Ordinal);
        _logs = Mirrors.Values.Select(m => m.Log).Prepend(own.Log).ToDictionary(l => l.Party, StringComparer.Ordinal);
    }

    /// <summary>The node's own log.</summary>
    public PartyLog Own { get; }

    /// <summary>The mirrors, by party.</summary>
    public IReadOnlyDictionary<string, Mirror> Mirrors { get; }

    /// <summary>The parties whose logs are held, the node's own first.</summary>
    public IReadOnlyList<string> Names => [Own.Log.Party, .. Mirrors.Keys.Order(StringComparer.Ordinal)];

    /// <inheritdoc />
    public IReadOnlyList<PartyCode> Parties => [.. Names.Select(PartyCode.Parse)];

    /// <inheritdoc />
    public Task<long> TreeSizeAsync(PartyCode party, CancellationToken cancellationToken) =>
        Held(party).ReadAsync(merkle => Task.FromResult(merkle.Size), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SignedStatement>> StatementsAsync(PartyCode party, long start, long treeSize, CancellationToken cancellationToken)
    {
        var log = Held(party);
        return log.ReadAsync<IReadOnlyList<SignedStatement>>(async merkle =>
        {
            if (treeSize < 0 || treeSize > merkle.Size)
            {
                throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, $"tree size {treeSize} is beyond the log (size {merkle.Size})");
            }

            if (start < 0 || start > treeSize)
            {
                throw new ArgumentOutOfRangeException(nameof(start), start, $"start {start} is not between 0 and the tree size {treeSize}");
            }

            var statements = new List<SignedStatement>((int)(treeSize - start));
            const int Page = 1000;
            for (var from = start; from < treeSize; from += Page)
            {
                foreach (var entry in await merkle.Store.ReadEntriesAsync(from, (int)Math.Min(Page, treeSize - from), cancellationToken).ConfigureAwait(false))
                {
                    // Every entry was signed here or verified before it was mirrored: one that does not parse is a damaged store.
                    statements.Add(SignedStatement.TryParse(entry.Data, out var statement, out var problem)
                        ? statement
                        : throw new LogStoreException($"{log.Store.Location}: entry {entry.Index} is not a signed statement: {problem}"));
                }
            }

            return statements;
        }, cancellationToken);
    }

    /// <summary>The log of <paramref name="party"/>, or null if the node holds none.</summary>
    public HeldLog? Find(string party) => _logs.GetValueOrDefault(party);

    private HeldLog Held(PartyCode party) =>
        Find(party.Value) ?? throw new ArgumentException($"this node holds no log of {party}: it holds {string.Join(", ", Names)}", nameof(party));

    /// <summary>Closes the mirrors (the own log belongs to its <see cref="PartyLog"/>).</summary>
    public void Dispose()
    {
        foreach (var mirror in Mirrors.Values)
        {
            mirror.Dispose();
        }
    }
}
