using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Verity.Node.Peers;

/// <summary>The few parts of RFC 8941 (Structured Field Values) that RFC 9421 and RFC 9530 use: dictionaries whose
/// members are items or inner lists, with parameters; bare items that are integers, strings, tokens, byte sequences or
/// booleans. Strict: anything else is malformed, and the problem says where.</summary>
internal static class StructuredFields
{
    /// <summary>A bare item (RFC 8941 §3.3): <see cref="long"/>, <see cref="string"/>, <see cref="SfToken"/>,
    /// <see cref="byte"/>[] or <see cref="bool"/>.</summary>
    public readonly record struct Member(object? Item, IReadOnlyList<object>? InnerList, IReadOnlyList<KeyValuePair<string, object>> Parameters);

    /// <summary>A token (RFC 8941 §3.3.4), kept apart from strings so that it serializes back as a token.</summary>
    public readonly record struct SfToken(string Value);

    /// <summary>Parses a dictionary (RFC 8941 §4.2.2), keeping member order. Duplicate keys are refused.</summary>
    public static bool TryParseDictionary(string text, [NotNullWhen(true)] out List<KeyValuePair<string, Member>>? members, [NotNullWhen(false)] out string? problem)
    {
        var reader = new Reader(text);
        members = [];
        reader.SkipSpaces();
        while (!reader.AtEnd)
        {
            if (!reader.TryKey(out var key, out problem))
            {
                members = null;
                return false;
            }

            Member member;
            if (!reader.AtEnd && reader.Peek == '=')
            {
                reader.Advance();
                if (!reader.TryMember(out member, out problem))
                {
                    members = null;
                    return false;
                }
            }
            else
            {
                // RFC 8941 §4.2.2: a key without a value is the boolean true, with parameters.
                if (!reader.TryParameters(out var parameters, out problem))
                {
                    members = null;
                    return false;
                }

                member = new Member(true, null, parameters);
            }

            if (members.Exists(m => m.Key == key))
            {
                members = null;
                problem = $"duplicate key '{key}'";
                return false;
            }

            members.Add(new(key, member));
            reader.SkipOws();
            if (reader.AtEnd)
            {
                break;
            }

            if (reader.Peek != ',')
            {
                members = null;
                problem = $"expected ',' at character {reader.Position + 1}, found '{reader.Peek}'";
                return false;
            }

            reader.Advance();
            reader.SkipOws();
            if (reader.AtEnd)
            {
                members = null;
                problem = "trailing ',' at the end";
                return false;
            }
        }

        problem = null;
        return true;
    }

    /// <summary>Serializes an inner list of strings with parameters (RFC 8941 §4.1.1.1, §4.1.1.2).</summary>
    public static void SerializeInnerList(StringBuilder output, IEnumerable<string> strings, IEnumerable<KeyValuePair<string, object>> parameters)
    {
        output.Append('(');
        var first = true;
        foreach (var item in strings)
        {
            if (!first)
            {
                output.Append(' ');
            }

            SerializeString(output, item);
            first = false;
        }

        output.Append(')');
        foreach (var (key, value) in parameters)
        {
            output.Append(';').Append(key);
            if (value is not true)
            {
                output.Append('=');
                SerializeBareItem(output, value);
            }
        }
    }

    /// <summary>Serializes a bare item (RFC 8941 §4.1.3).</summary>
    public static void SerializeBareItem(StringBuilder output, object value)
    {
        switch (value)
        {
            case long integer:
                output.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case string text:
                SerializeString(output, text);
                break;
            case SfToken token:
                output.Append(token.Value);
                break;
            case byte[] bytes:
                output.Append(':').Append(Convert.ToBase64String(bytes)).Append(':');
                break;
            case bool boolean:
                output.Append(boolean ? "?1" : "?0");
                break;
            default:
                throw new ArgumentException($"not a structured-field bare item: {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>RFC 8941 §4.1.6: printable ASCII only; '"' and '\' escaped with '\'.</summary>
    /// <exception cref="ArgumentException">The text has a character outside %x20-7E.</exception>
    public static void SerializeString(StringBuilder output, string text)
    {
        output.Append('"');
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"a structured-field string holds printable ASCII only, found U+{(int)c:X4}", nameof(text));
            }

            if (c is '"' or '\\')
            {
                output.Append('\\');
            }

            output.Append(c);
        }

        output.Append('"');
    }

    private sealed class Reader(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public char Peek => text[Position];

        public void Advance() => Position++;

        public void SkipSpaces()
        {
            while (!AtEnd && Peek == ' ')
            {
                Position++;
            }
        }

        public void SkipOws()
        {
            while (!AtEnd && Peek is ' ' or '\t')
            {
                Position++;
            }
        }

        // RFC 8941 §4.2.3.3: key = ( lcalpha / "*" ) *( lcalpha / DIGIT / "_" / "-" / "." / "*" )
        public bool TryKey([NotNullWhen(true)] out string? key, [NotNullWhen(false)] out string? problem)
        {
            var start = Position;
            if (AtEnd || !(Peek is (>= 'a' and <= 'z') or '*'))
            {
                key = null;
                problem = AtEnd ? "expected a key, found the end" : $"expected a key (lower case) at character {Position + 1}, found '{Peek}'";
                return false;
            }

            while (!AtEnd && Peek is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.' or '*')
            {
                Position++;
            }

            key = text[start..Position];
            problem = null;
            return true;
        }

        public bool TryMember(out Member member, [NotNullWhen(false)] out string? problem)
        {
            member = default;
            if (!AtEnd && Peek == '(')
            {
                Position++;
                var items = new List<object>();
                while (true)
                {
                    SkipSpaces();
                    if (AtEnd)
                    {
                        problem = "inner list is not closed with ')'";
                        return false;
                    }

                    if (Peek == ')')
                    {
                        Position++;
                        break;
                    }

                    if (!TryBareItem(out var item, out problem))
                    {
                        return false;
                    }

                    if (!TryParameters(out var itemParameters, out problem))
                    {
                        return false;
                    }

                    if (itemParameters.Count > 0)
                    {
                        problem = $"inner list item {items.Count + 1} has parameters, which this profile does not use";
                        return false;
                    }

                    items.Add(item);
                    if (!AtEnd && Peek is not (' ' or ')'))
                    {
                        problem = $"expected ' ' or ')' at character {Position + 1}, found '{Peek}'";
                        return false;
                    }
                }

                if (!TryParameters(out var listParameters, out problem))
                {
                    return false;
                }

                member = new Member(null, items, listParameters);
                return true;
            }

            if (!TryBareItem(out var bare, out problem) || !TryParameters(out var parameters, out problem))
            {
                return false;
            }

            member = new Member(bare, null, parameters);
            return true;
        }

        public bool TryParameters(out IReadOnlyList<KeyValuePair<string, object>> parameters, [NotNullWhen(false)] out string? problem)
        {
            var list = new List<KeyValuePair<string, object>>();
            parameters = list;
            while (!AtEnd && Peek == ';')
            {
                Position++;
                SkipSpaces();
                if (!TryKey(out var key, out problem))
                {
                    return false;
                }

                object value = true;
                if (!AtEnd && Peek == '=')
                {
                    Position++;
                    if (!TryBareItem(out var given, out problem))
                    {
                        return false;
                    }

                    value = given;
                }

                if (list.Exists(p => p.Key == key))
                {
                    problem = $"duplicate parameter '{key}'";
                    return false;
                }

                list.Add(new(key, value));
            }

            problem = null;
            return true;
        }

        private bool TryBareItem([NotNullWhen(true)] out object? item, [NotNullWhen(false)] out string? problem)
        {
            item = null;
            if (AtEnd)
            {
                problem = "expected an item, found the end";
                return false;
            }

            var c = Peek;
            if (c is '-' or (>= '0' and <= '9'))
            {
                return TryInteger(out item, out problem);
            }

            if (c == '"')
            {
                return TryString(out item, out problem);
            }

            if (c == ':')
            {
                return TryBytes(out item, out problem);
            }

            if (c == '?')
            {
                Position++;
                if (!AtEnd && Peek is '0' or '1')
                {
                    item = Peek == '1';
                    Position++;
                    problem = null;
                    return true;
                }

                problem = $"expected ?0 or ?1 at character {Position}";
                return false;
            }

            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '*')
            {
                // RFC 8941 §4.2.6: token = ( ALPHA / "*" ) *( tchar / ":" / "/" )
                var start = Position;
                while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || "!#$%&'*+-.^_`|~:/".Contains(Peek, StringComparison.Ordinal)))
                {
                    Position++;
                }

                item = new SfToken(text[start..Position]);
                problem = null;
                return true;
            }

            problem = $"unexpected '{c}' at character {Position + 1}";
            return false;
        }

        private bool TryInteger([NotNullWhen(true)] out object? item, [NotNullWhen(false)] out string? problem)
        {
            item = null;
            var start = Position;
            if (Peek == '-')
            {
                Position++;
            }

            var digits = Position;
            while (!AtEnd && Peek is >= '0' and <= '9')
            {
                Position++;
            }

            // RFC 8941 §3.3.1: at most 15 digits; decimals are not used here.
            var count = Position - digits;
            if (count is 0 or > 15 || (!AtEnd && Peek == '.'))
            {
                problem = $"'{text[start..Math.Min(text.Length, Position + 1)]}' is not an integer of 1 to 15 digits";
                return false;
            }

            item = long.Parse(text.AsSpan(start, Position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            problem = null;
            return true;
        }

        private bool TryString([NotNullWhen(true)] out object? item, [NotNullWhen(false)] out string? problem)
        {
            item = null;
            var start = Position;
            Position++;
            var value = new StringBuilder();
            while (!AtEnd)
            {
                var c = Peek;
                Position++;
                if (c == '\\')
                {
                    if (AtEnd || Peek is not ('"' or '\\'))
                    {
                        problem = $"bad escape in the string at character {Position}";
                        return false;
                    }

                    value.Append(Peek);
                    Position++;
                }
                else if (c == '"')
                {
                    item = value.ToString();
                    problem = null;
                    return true;
                }
                else if (c is < ' ' or > '~')
                {
                    problem = $"the string at character {start + 1} holds U+{(int)c:X4}: only printable ASCII is allowed";
                    return false;
                }
                else
                {
                    value.Append(c);
                }
            }

            problem = $"the string at character {start + 1} is not closed";
            return false;
        }

        private bool TryBytes([NotNullWhen(true)] out object? item, [NotNullWhen(false)] out string? problem)
        {
            item = null;
            var start = ++Position;
            var end = text.IndexOf(':', start);
            if (end < 0)
            {
                problem = $"the byte sequence at character {start} is not closed with ':'";
                return false;
            }

            var base64 = text[start..end];
            Position = end + 1;
            try
            {
                item = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                problem = $"the byte sequence at character {start} is not base64";
                return false;
            }

            problem = null;
            return true;
        }
    }
}
