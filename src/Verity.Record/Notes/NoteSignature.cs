using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Verity.Record.Notes;

/// <summary>One signature line of a signed note (c2sp.org/signed-note): <c>— NAME BASE64(key ID || signature)</c>.</summary>
/// <param name="Name">The key name.</param>
/// <param name="KeyId">The 32-bit key ID, big-endian in the encoding.</param>
/// <param name="Signature">The signature bytes, without the key ID.</param>
public sealed record NoteSignature(string Name, uint KeyId, ImmutableArray<byte> Signature)
{
    /// <summary>The line, with the em dash, the space and the final newline.</summary>
    public string ToLine()
    {
        var bytes = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        Signature.AsSpan().CopyTo(bytes.AsSpan(4));
        return $"\u2014 {Name} {Convert.ToBase64String(bytes)}\n";
    }

    /// <summary>Name and key ID as <c>NAME+KEYID</c>, how the Go package names a key in its errors.</summary>
    public string KeyLabel => $"{Name}+{KeyId:x8}";
}
