using System.Collections.Immutable;

namespace Verity.Reports.Replay;

/// <summary>The demo's run of the record through the network: each log at every node, and the compliance figures compared.</summary>
/// <param name="Logs">Each log: whose, its entries, its root (base64, shortened) and the nodes that hold it identically
/// (the party's own node and its mirrors); empty when the nodes hold it differently.</param>
/// <param name="Figures">Compliance figures each node derived from the logs it holds, compared across nodes and with the replay.</param>
/// <param name="Disagreements">How many of those differ.</param>
public sealed record NetworkSummary(ImmutableArray<(string Log, long Entries, string Root, ImmutableArray<string> HeldBy)> Logs, int Figures, int Disagreements);
