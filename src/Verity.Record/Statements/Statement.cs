using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Verity.Record.Keys;

namespace Verity.Record.Statements;

/// <summary>The envelope of a party's assertion, before it is signed: what kind, who, which in the party's sequence,
/// when, and the body bytes.</summary>
/// <remarks>
/// The encoding (<see cref="Encode"/>) is the byte string that gets signed:
/// <code>
/// verity-statement/v1\n
/// type declaration\n
/// party US\n
/// sequence 17\n
/// issued 2026-02-05T00:00:00Z\n
/// body 42\n
/// \n
/// &lt;42 body bytes&gt;
/// </code>
/// Every field has one spelling (decimal without leading zeroes, UTC RFC 3339 with "Z"), and parsing rejects any other,
/// so a statement has one encoding. Once signed, the bytes are kept and never re-encoded.
/// </remarks>
public sealed record Statement
{
    /// <summary>The first line of every statement.</summary>
    public const string Magic = "verity-statement/v1";

    private Statement(string type, string party, long sequence, DateTimeOffset issued, ReadOnlyMemory<byte> body)
    {
        Type = type;
        Party = party;
        Sequence = sequence;
        Issued = issued;
        Body = body;
    }

    /// <summary>What kind of assertion: lower-case letters, digits, '-', '.' (for example <c>declaration</c>, <c>escrow-commit</c>).</summary>
    public string Type { get; }

    /// <summary>The party, as the name of its key.</summary>
    public string Party { get; }

    /// <summary>The party's sequence number, from 1, strictly increasing in its log.</summary>
    public long Sequence { get; }

    /// <summary>When the party issued it, UTC, to the second.</summary>
    public DateTimeOffset Issued { get; }

    /// <summary>The body, opaque to the log.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Creates a statement, validating every field.</summary>
    /// <exception cref="ArgumentException">A field is invalid; the message names it.</exception>
    public static Statement Create(string type, string party, long sequence, DateTimeOffset issued, ReadOnlyMemory<byte> body)
    {
        if (!IsValidType(type))
        {
            throw new ArgumentException($"statement type '{type}' must be 1 to 64 of a-z, 0-9, '-', '.'", nameof(type));
        }

        if (!KeyName.IsValid(party, out var problem))
        {
            throw new ArgumentException(problem, nameof(party));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var utc = issued.ToUniversalTime();
        var seconds = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return new Statement(type, party, sequence, seconds, body);
    }

    /// <summary>Creates a statement issued now by <paramref name="clock"/>.</summary>
    /// <exception cref="ArgumentException">A field is invalid; the message names it.</exception>
    public static Statement Create(string type, string party, long sequence, TimeProvider clock, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Create(type, party, sequence, clock.GetUtcNow(), body);
    }

    /// <summary>The exact bytes to sign.</summary>
    public byte[] Encode()
    {
        var header = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Magic}\ntype {Type}\nparty {Party}\nsequence {Sequence}\nissued {FormatTime(Issued)}\nbody {Body.Length}\n\n"));
        var bytes = new byte[header.Length + Body.Length];
        header.CopyTo(bytes, 0);
        Body.Span.CopyTo(bytes.AsSpan(header.Length));
        return bytes;
    }

    /// <summary>Parses the statement at the start of <paramref name="bytes"/>; <paramref name="length"/> is how many bytes it took.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> bytes, [NotNullWhen(true)] out Statement? statement, out int length, [NotNullWhen(false)] out string? problem)
    {
        statement = null;
        length = 0;
        var span = bytes.Span;
        var fields = new string[6];
        var position = 0;
        for (var line = 0; line < fields.Length; line++)
        {
            var end = span[position..].IndexOf((byte)'\n');
            if (end < 0)
            {
                problem = $"statement header line {line + 1} has no newline";
                return false;
            }

            fields[line] = Encoding.UTF8.GetString(span.Slice(position, end));
            position += end + 1;
        }

        if (fields[0] != Magic)
        {
            problem = $"statement does not start with '{Magic}'";
            return false;
        }

        if (!TryField(fields[1], "type", out var type, out problem) || !TryField(fields[2], "party", out var party, out problem)
            || !TryField(fields[3], "sequence", out var sequenceText, out problem) || !TryField(fields[4], "issued", out var issuedText, out problem)
            || !TryField(fields[5], "body", out var lengthText, out problem))
        {
            return false;
        }

        if (!IsValidType(type))
        {
            problem = $"statement type '{type}' must be 1 to 64 of a-z, 0-9, '-', '.'";
            return false;
        }

        if (!KeyName.IsValid(party, out problem))
        {
            return false;
        }

        if (!TryCanonicalLong(sequenceText, out var sequence) || sequence < 1)
        {
            problem = $"statement sequence '{sequenceText}' is not a positive decimal without leading zeroes";
            return false;
        }

        if (!DateTimeOffset.TryParseExact(issuedText, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issued)
            || FormatTime(issued) != issuedText)
        {
            problem = $"statement issued time '{issuedText}' is not UTC RFC 3339 such as 2026-02-05T00:00:00Z";
            return false;
        }

        if (!TryCanonicalLong(lengthText, out var bodyLength) || bodyLength > span.Length - position - 1)
        {
            problem = $"statement body length '{lengthText}' is not a decimal within the {span.Length} bytes";
            return false;
        }

        if (span[position] != (byte)'\n')
        {
            problem = "statement header is not followed by a blank line";
            return false;
        }

        position++;
        var body = bytes.Slice(position, (int)bodyLength);
        statement = new Statement(type, party, sequence, issued.ToUniversalTime(), body);
        length = position + (int)bodyLength;
        problem = null;
        return true;
    }

    /// <summary>True if <paramref name="type"/> is a valid statement type.</summary>
    public static bool IsValidType([NotNullWhen(true)] string? type) =>
        !string.IsNullOrEmpty(type) && type.Length <= 64 && type.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.');

    /// <summary>Value equality, body bytes included.</summary>
    public bool Equals(Statement? other) => other is not null && Type == other.Type && Party == other.Party
        && Sequence == other.Sequence && Issued == other.Issued && Body.Span.SequenceEqual(other.Body.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, Party, Sequence, Issued, Body.Length);

    internal static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool TryField(string line, string name, out string value, [NotNullWhen(false)] out string? problem)
    {
        if (!line.StartsWith(name + " ", StringComparison.Ordinal))
        {
            value = "";
            problem = $"statement header line '{line}' should start with '{name} '";
            return false;
        }

        value = line[(name.Length + 1)..];
        problem = null;
        return true;
    }

    private static bool TryCanonicalLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
        && value.ToString(CultureInfo.InvariantCulture) == text;
}
