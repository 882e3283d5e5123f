using Verity.Record.Sqlite;
using Verity.Record.Storage;

namespace Verity.Record.Tests.Storage;

public sealed class MemoryStoreFixture : IStoreFixture
{
    public ILogStore Create() => new MemoryLogStore();

    public ILogStore Reopen(ILogStore store) => store;

    public void Dispose()
    {
    }
}

public sealed class SqliteStoreFixture : IStoreFixture
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verity-store-").FullName;

    public ILogStore Create() => SqliteLogStore.Open(Path.Combine(_directory, $"{Guid.NewGuid():N}.db"), create: true);

    public ILogStore Reopen(ILogStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var path = store.Location;
        store.Dispose();
        return SqliteLogStore.Open(path);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
