namespace Verity.Node.Peers;

/// <summary>Nonces seen within the window, so that a request is accepted at most once (RFC 9421 §7.2.2). Bounded:
/// entries leave when their request would be stale anyway; when full, nothing is evicted early (that would let a
/// replay through), the caller is told to refuse instead.</summary>
internal sealed class ReplayCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, long> _expiry = new();

    public enum Outcome
    {
        Fresh,
        Replayed,
        Full,
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Records <paramref name="key"/> until <paramref name="expiresAt"/> (Unix seconds) unless it was seen.</summary>
    public Outcome TryAdd(string key, long expiresAt, long now)
    {
        lock (_lock)
        {
            while (_expiry.TryPeek(out var oldest, out var at) && at < now)
            {
                _expiry.Dequeue();
                _seen.Remove(oldest);
            }

            if (_seen.ContainsKey(key))
            {
                return Outcome.Replayed;
            }

            if (_seen.Count >= capacity)
            {
                return Outcome.Full;
            }

            _seen.Add(key, expiresAt);
            _expiry.Enqueue(key, expiresAt);
            return Outcome.Fresh;
        }
    }
}
