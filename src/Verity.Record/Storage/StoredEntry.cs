using Verity.Record.Merkle;

namespace Verity.Record.Storage;

/// <summary>An entry as stored: its index, its bytes and its RFC 9162 leaf hash.</summary>
/// <param name="Index">0-based position in the log.</param>
/// <param name="Data">The entry bytes, exactly as appended.</param>
/// <param name="LeafHash">SHA-256(0x00 || Data), as stored (verification recomputes it).</param>
public sealed record StoredEntry(long Index, ReadOnlyMemory<byte> Data, Sha256Hash LeafHash);
