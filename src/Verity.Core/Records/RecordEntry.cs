namespace Verity.Core.Records;

/// <summary>One entry of a party's log as the views read it: its index, its statement type and its body, the bytes that were signed.</summary>
/// <param name="Index">The entry's index in the log, from 0.</param>
/// <param name="Type">The statement type, such as <c>declaration</c>.</param>
/// <param name="Body">The statement's body.</param>
public sealed record RecordEntry(long Index, string Type, ReadOnlyMemory<byte> Body);
