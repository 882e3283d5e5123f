using Verity.Core;
using Verity.Record.Statements;

namespace Verity.Node;

/// <summary>
/// The logs a node holds, as the derived views read them: its own party's log, and (once mirrored) verified copies of
/// the other parties' logs. The views need nothing else: every answer is derived from these statements plus the treaty.
/// </summary>
/// <remarks>
/// An implementation serves only what it holds and has verified: for a mirror, statements whose signatures and
/// inclusion in a checkpoint of the party were checked. Reads of one party are consistent: the statements returned for a
/// tree size are the log's entries up to it, in order (entry <c>start + i</c> at position <c>i</c>), so that
/// <c>(party, treeSize)</c> identifies what a view was derived from and may key a cache.
/// </remarks>
public interface IPartyLogs
{
    /// <summary>The parties whose logs are held.</summary>
    IReadOnlyList<PartyCode> Parties { get; }

    /// <summary>The size of a party's log as now held.</summary>
    /// <exception cref="ArgumentException">The party's log is not held.</exception>
    Task<long> TreeSizeAsync(PartyCode party, CancellationToken cancellationToken);

    /// <summary>The statements of a party's log from entry <paramref name="start"/> up to (not including) <paramref name="treeSize"/>, in log order, exactly as signed.</summary>
    /// <exception cref="ArgumentException">The party's log is not held.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="treeSize"/> is beyond the log, or <paramref name="start"/> is not between 0 and it.</exception>
    Task<IReadOnlyList<SignedStatement>> StatementsAsync(PartyCode party, long start, long treeSize, CancellationToken cancellationToken);
}
