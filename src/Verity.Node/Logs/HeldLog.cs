using Verity.Record.Log;
using Verity.Record.Storage;

namespace Verity.Node.Logs;

/// <summary>One log the node holds — its own or a mirror of a peer's — with one gate so that requests never interleave
/// on the store, and the open log kept between requests (a log has one writer: this process).</summary>
public sealed class HeldLog : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private StatementLog? _log;
    private long _size = -1;

    /// <summary>Holds <paramref name="store"/>, the log of <paramref name="party"/> whose checkpoints carry <paramref name="origin"/>.</summary>
    public HeldLog(string party, string origin, ILogStore store)
    {
        Party = party;
        Origin = origin;
        Store = store;
    }

    /// <summary>Whose log it is.</summary>
    public string Party { get; }

    /// <summary>The origin line of its checkpoints.</summary>
    public string Origin { get; }

    /// <summary>The store underneath.</summary>
    public ILogStore Store { get; }

    /// <summary>The size when last read or written (-1 before the first access).</summary>
    public long KnownSize => Volatile.Read(ref _size);

    /// <summary>Runs <paramref name="read"/> on the log alone.</summary>
    public async Task<T> ReadAsync<T>(Func<MerkleLog, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return await WriteAsync(log => read(log.Log), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="write"/> on the log alone; a failed store operation reopens the log next time.</summary>
    public async Task<T> WriteAsync<T>(Func<StatementLog, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _log ??= await StatementLog.OpenAsync(Store, cancellationToken).ConfigureAwait(false);
            try
            {
                return await write(_log).ConfigureAwait(false);
            }
            catch (LogStoreException)
            {
                _log = null;
                throw;
            }
            finally
            {
                if (_log is not null)
                {
                    Volatile.Write(ref _size, _log.Log.Size);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Store.Dispose();
        _gate.Dispose();
    }
}
