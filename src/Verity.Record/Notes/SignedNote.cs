using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Verity.Record.Keys;

namespace Verity.Record.Notes;

/// <summary>A signed note (c2sp.org/signed-note, golang.org/x/mod/sumdb/note): a text ending in a newline, a blank line,
/// then one or more signature lines. The text is exactly what was signed.</summary>
public sealed class SignedNote
{
    /// <summary>Verifiers need accept no more signatures than this (the Go package's limit).</summary>
    public const int MaxSignatures = 100;

    private SignedNote(string text, ImmutableArray<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    /// <summary>The signature lines, in order.</summary>
    public ImmutableArray<NoteSignature> Signatures { get; }

    /// <summary>Signs <paramref name="text"/> with each key and returns the note.</summary>
    /// <exception cref="ArgumentException">The text is not valid note text (empty, no final newline, control characters).</exception>
    public static SignedNote Sign(string text, params IReadOnlyList<SigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!IsValidText(text, out var problem))
        {
            throw new ArgumentException(problem, nameof(text));
        }

        var message = Encoding.UTF8.GetBytes(text);
        var signatures = keys.Select(k => new NoteSignature(k.Name, k.Verifier.KeyId, [.. k.Sign(message)])).ToImmutableArray();
        return new SignedNote(text, signatures);
    }

    /// <summary>Parses a note without checking signatures; on failure <paramref name="problem"/> says where.</summary>
    public static bool TryParse([NotNullWhen(true)] string? message, [NotNullWhen(true)] out SignedNote? note, [NotNullWhen(false)] out string? problem)
    {
        note = null;
        if (string.IsNullOrEmpty(message))
        {
            problem = "malformed note: empty";
            return false;
        }

        if (!IsValidCharacters(message, out problem))
        {
            return false;
        }

        // The text ends at the last blank line; every line after it is a signature.
        var split = message.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            problem = "malformed note: no blank line between text and signatures";
            return false;
        }

        var text = message[..(split + 1)];
        var rest = message[(split + 2)..];
        if (rest.Length == 0 || rest[^1] != '\n')
        {
            problem = "malformed note: no signature lines, or the last one lacks its newline";
            return false;
        }

        var signatures = ImmutableArray.CreateBuilder<NoteSignature>();
        var lineNumber = text.Count(c => c == '\n') + 1;
        foreach (var line in rest[..^1].Split('\n'))
        {
            lineNumber++;
            if (!TryParseSignatureLine(line, out var signature))
            {
                problem = $"malformed note: line {lineNumber} is not a signature line '\u2014 NAME BASE64'";
                return false;
            }

            signatures.Add(signature);
            if (signatures.Count > MaxSignatures)
            {
                problem = $"malformed note: more than {MaxSignatures} signatures";
                return false;
            }
        }

        note = new SignedNote(text, signatures.ToImmutable());
        problem = null;
        return true;
    }

    /// <summary>Checks the note against the known keys, as the signed-note spec requires: signatures by unknown keys
    /// are ignored, a signature by a known key (same name and key ID) must verify, and at least one must.</summary>
    public NoteVerification Verify(IEnumerable<VerifierKey> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        var known = verifiers.ToList();
        var message = Encoding.UTF8.GetBytes(Text);
        var verified = ImmutableArray.CreateBuilder<NoteSignature>();
        var unverified = ImmutableArray.CreateBuilder<NoteSignature>();
        foreach (var signature in Signatures)
        {
            var matches = known.Where(k => k.Name == signature.Name && k.KeyId == signature.KeyId).ToList();
            if (matches.Count > 1)
            {
                return NoteVerification.Failed($"ambiguous key {signature.KeyLabel}", verified.ToImmutable(), unverified.ToImmutable());
            }

            if (matches.Count == 0)
            {
                unverified.Add(signature);
                continue;
            }

            if (!matches[0].Verify(message, signature.Signature.AsSpan()))
            {
                return NoteVerification.Failed($"invalid signature for key {signature.KeyLabel}", verified.ToImmutable(), unverified.ToImmutable());
            }

            if (!verified.Contains(signature))
            {
                verified.Add(signature);
            }
        }

        if (verified.Count == 0)
        {
            var names = Signatures.Length == 0 ? "none" : string.Join(", ", Signatures.Select(s => s.KeyLabel));
            return NoteVerification.Failed($"note has no verifiable signatures (signed by {names})", verified.ToImmutable(), unverified.ToImmutable());
        }

        return NoteVerification.Valid(verified.ToImmutable(), unverified.ToImmutable());
    }

    /// <summary>The note as sent: text, blank line, signature lines.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            builder.Append(signature.ToLine());
        }

        return builder.ToString();
    }

    /// <summary>True if <paramref name="text"/> may be note text: non-empty, ends in a newline, no control characters but newline.</summary>
    public static bool IsValidText(string? text, [NotNullWhen(false)] out string? problem)
    {
        if (string.IsNullOrEmpty(text) || text[^1] != '\n')
        {
            problem = "note text must be non-empty and end with a newline";
            return false;
        }

        return IsValidCharacters(text, out problem);
    }

    private static bool IsValidCharacters(string text, [NotNullWhen(false)] out string? problem)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < 0x20 && c != '\n') || char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])))
            {
                problem = $"malformed note: character {i} is a control character or invalid UTF-16 (U+{(int)c:X4})";
                return false;
            }
        }

        problem = null;
        return true;
    }

    private static bool TryParseSignatureLine(string line, [NotNullWhen(true)] out NoteSignature? signature)
    {
        signature = null;
        const string Dash = "\u2014 ";
        if (!line.StartsWith(Dash, StringComparison.Ordinal))
        {
            return false;
        }

        var body = line[Dash.Length..];
        var space = body.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return false;
        }

        var name = body[..space];
        var base64 = body[(space + 1)..];
        if (!KeyName.IsValid(name, out _) || base64.Length == 0)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length < 5 || Convert.ToBase64String(bytes) != base64)
        {
            return false;
        }

        signature = new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(bytes), [.. bytes.AsSpan(4)]);
        return true;
    }
}
