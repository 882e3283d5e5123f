namespace Verity.Node.Tests;

/// <summary>A US node fed through its API with the stretch of the replayed record around 2018-02-05, when the warheads
/// limit takes effect: the databases as of 2017-09-01 and 2018-03-01 and the notifications between them.</summary>
public sealed class SpanningNode : IAsyncLifetime
{
    public NodeFactory Node { get; } = new();

    public ReplayedRecord Replay { get; } = new();

    public int Statements { get; private set; }

    public async Task InitializeAsync()
    {
        var (databases, notifications) = Replay.Spanning(ReplayedRecord.BeforeLimits, ReplayedRecord.AfterLimits);
        using var client = Node.Operator();
        await ReplayedRecord.SubmitAsync(client, Replay.Treaty, databases, notifications);
        Statements = databases.Length + notifications.Length;
    }

    public Task DisposeAsync()
    {
        Node.Dispose();
        return Task.CompletedTask;
    }
}
