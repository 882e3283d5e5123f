using System.Diagnostics.CodeAnalysis;
using System.Text;
using Verity.Record.Keys;
using Verity.Record.Merkle;
using Verity.Record.Notes;

namespace Verity.Record.Statements;

/// <summary>A statement and its signature, as one log entry: the statement bytes (<see cref="Statement.Encode"/>)
/// followed by a signed-note signature line, <c>\n— PARTY BASE64(key ID || signature)\n</c>.</summary>
/// <remarks>These bytes are what is stored, hashed (the leaf) and sent. A parsed statement keeps the bytes it came from;
/// nothing here re-encodes a signed statement.</remarks>
public sealed class SignedStatement
{
    private SignedStatement(ReadOnlyMemory<byte> bytes, Statement statement, int signedLength, NoteSignature signature)
    {
        Bytes = bytes;
        Statement = statement;
        SignedLength = signedLength;
        Signature = signature;
    }

    /// <summary>The whole entry.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The statement the bytes hold.</summary>
    public Statement Statement { get; }

    /// <summary>How many leading bytes of <see cref="Bytes"/> were signed.</summary>
    public int SignedLength { get; }

    /// <summary>The exact bytes that were signed.</summary>
    public ReadOnlyMemory<byte> SignedBytes => Bytes[..SignedLength];

    /// <summary>The signature line.</summary>
    public NoteSignature Signature { get; }

    /// <summary>The RFC 9162 leaf hash of this entry.</summary>
    public Sha256Hash LeafHash => Rfc9162.HashLeaf(Bytes.Span);

    /// <summary>Signs <paramref name="statement"/> with <paramref name="key"/>, whose name must be the statement's party.</summary>
    /// <exception cref="ArgumentException">The key's name is not the party.</exception>
    public static SignedStatement Sign(Statement statement, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Name != statement.Party)
        {
            throw new ArgumentException($"key '{key.Name}' cannot sign for party '{statement.Party}'", nameof(key));
        }

        var signed = statement.Encode();
        var signature = new NoteSignature(key.Name, key.Verifier.KeyId, [.. key.Sign(signed)]);
        var line = Encoding.UTF8.GetBytes("\n" + signature.ToLine());
        var bytes = new byte[signed.Length + line.Length];
        signed.CopyTo(bytes, 0);
        line.CopyTo(bytes, signed.Length);
        var parsed = Statement.TryDecode(bytes, out var decoded, out _, out _) ? decoded : throw new InvalidOperationException("encoded statement does not decode");
        return new SignedStatement(bytes, parsed, signed.Length, signature);
    }

    /// <summary>Parses an entry; on failure <paramref name="problem"/> says what is wrong. Does not check the signature.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> bytes, [NotNullWhen(true)] out SignedStatement? statement, [NotNullWhen(false)] out string? problem)
    {
        statement = null;
        if (!Statement.TryDecode(bytes, out var decoded, out var length, out problem))
        {
            return false;
        }

        var trailer = bytes.Span[length..];
        string line;
        try
        {
            line = new UTF8Encoding(false, true).GetString(trailer);
        }
        catch (DecoderFallbackException)
        {
            problem = "signature line is not UTF-8";
            return false;
        }

        if (!line.StartsWith('\n') || !line.EndsWith('\n') || line.Count(c => c == '\n') != 2
            || !SignedNote.TryParse("x\n" + line, out var note, out _) || note.Signatures.Length != 1)
        {
            problem = "statement is not followed by exactly one signature line '\\n\u2014 PARTY BASE64\\n'";
            return false;
        }

        var signature = note.Signatures[0];
        if (signature.Name != decoded.Party)
        {
            problem = $"signature by '{signature.Name}' on a statement of party '{decoded.Party}'";
            return false;
        }

        statement = new SignedStatement(bytes, decoded, length, signature);
        return true;
    }

    /// <summary>Verifies the signature with <paramref name="key"/> (name and key ID must match the signature line).</summary>
    public bool Verify(VerifierKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Name == Signature.Name && key.KeyId == Signature.KeyId && key.Verify(SignedBytes.Span, Signature.Signature.AsSpan());
    }
}
