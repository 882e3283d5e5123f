namespace Verity.Core.Analysis.Replay;

/// <summary>Items that exist throughout, such as training launchers.</summary>
public sealed record FixedItems(string Kind, string Type, int Count, string Location, string Status);
