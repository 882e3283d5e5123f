namespace Verity.Node.Peers;

/// <summary>Runs the node's rounds with its peers: at once when the node's own log grows, and every
/// <see cref="NodeOptions.SyncInterval"/> otherwise (which is also how a node that was down catches up).</summary>
public sealed class PeerSync : BackgroundService
{
    private readonly PeerNetwork _network;
    private readonly TimeSpan _interval;
    private readonly bool _enabled;
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Syncs <paramref name="network"/>.</summary>
    public PeerSync(PeerNetwork network, PartyLog own)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(own);
        _network = network;
        _interval = own.Options.SyncInterval;
        _enabled = own.Options.SyncInBackground;
        own.Appended += (_, _) => Wake();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _network.LoadAlarmsAsync(stoppingToken).ConfigureAwait(false);
        if (!_enabled || !_network.Peers.Any())
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _network.SyncOnceAsync(stoppingToken).ConfigureAwait(false);
                await _wake.WaitAsync(_interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }
}
