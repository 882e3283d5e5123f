using Verity.Node.Peers;

namespace Verity.Node.Logs;

/// <summary>Every log the node holds: its own and a verified mirror of each peer's, by party.</summary>
public sealed class LogDirectory : IDisposable
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
    public IReadOnlyList<string> Parties => [Own.Log.Party, .. Mirrors.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The log of <paramref name="party"/>, or null if the node holds none.</summary>
    public HeldLog? Find(string party) => _logs.GetValueOrDefault(party);

    /// <summary>Closes the mirrors (the own log belongs to its <see cref="PartyLog"/>).</summary>
    public void Dispose()
    {
        foreach (var mirror in Mirrors.Values)
        {
            mirror.Dispose();
        }
    }
}
