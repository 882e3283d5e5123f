using Verity.Record.Storage;

namespace Verity.Record.Tests.Storage;

/// <summary>Makes stores of one driver for the contract suite.</summary>
public interface IStoreFixture : IDisposable
{
    /// <summary>A new, empty store.</summary>
    ILogStore Create();

    /// <summary>The same log reopened, as after a restart (the old handle is disposed).</summary>
    ILogStore Reopen(ILogStore store);
}
