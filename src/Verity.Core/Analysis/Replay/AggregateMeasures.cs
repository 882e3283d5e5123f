namespace Verity.Core.Analysis.Replay;

/// <summary>The limit identifiers of the three aggregates a synthetic history is built to match.</summary>
public sealed record AggregateMeasures(string Deployed, string Warheads, string Launchers);
