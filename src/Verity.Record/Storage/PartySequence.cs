namespace Verity.Record.Storage;

/// <summary>A party's last sequence number in a log.</summary>
/// <param name="Party">The party (its key name).</param>
/// <param name="Sequence">The last sequence number appended.</param>
public readonly record struct PartySequence(string Party, long Sequence);
