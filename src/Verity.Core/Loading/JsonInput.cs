using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Verity.Core.Loading;

/// <summary>
/// The one way JSON text is read into tokens for the readers (notifications, databases): exactly one JSON value (text
/// after it is refused), nested at most <see cref="MaxDepth"/> levels, duplicate keys refused, line information kept;
/// and no number that cannot be any field's value: an integer outside the 64-bit range (which Newtonsoft.Json keeps as
/// a <see cref="BigInteger"/> that neither its conversions nor a schema validator can take) or a number too large to be
/// finite. The fields' own ranges are the readers'.
/// </summary>
internal static class JsonInput
{
    /// <summary>The deepest nesting of objects and arrays read.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many problems of one reading are named with their place; the rest are counted in one more.</summary>
    public const int MaxNamed = 100;

    /// <summary>Reads one JSON value.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">The file or request named in diagnostics.</param>
    /// <param name="what">The value, in the message about text after it ("the database object").</param>
    /// <param name="floats">How numbers with a fraction or exponent are held.</param>
    /// <param name="outOfRange">What a number beyond every field's range was expected to be, by where it stands (the field's own range); <c>null</c> for the 64-bit range.</param>
    /// <exception cref="InputException">The text is not one JSON value within the bounds.</exception>
    public static JToken Load(string json, string source, string what, FloatParseHandling floats = FloatParseHandling.Double, Func<JValue, string?>? outOfRange = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InputException(new Diagnostic(source, 0, 0, string.Empty, $"empty: expected {what}"));
        }

        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = floats, MaxDepth = MaxDepth, SupportMultipleContent = true };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            var end = (reader.LineNumber, reader.LinePosition);
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment)
                    {
                        throw new JsonReaderException();
                    }
                }
            }
            catch (JsonReaderException)
            {
                throw new InputException(new Diagnostic(source, end.LineNumber, end.LinePosition, string.Empty, $"not valid JSON: text after {what}, which ends here: a file holds one JSON value"));
            }
        }
        catch (JsonReaderException e)
        {
            // Text that stops inside a value: Newtonsoft.Json's path then names the field being read, which is not wrong.
            throw new InputException(e.Message.StartsWith("Unexpected end", StringComparison.Ordinal) || e.Message.StartsWith("Unterminated string", StringComparison.Ordinal)
                ? new Diagnostic(source, e.LineNumber, e.LinePosition, string.Empty, "not valid JSON: the text ends before the JSON value does (an object, array or string is left open)")
                : new Diagnostic(source, e.LineNumber, e.LinePosition, e.Path ?? string.Empty, $"not valid JSON: {e.Message.Split(" Path ")[0]}"));
        }

        var problems = new List<Diagnostic>();
        var more = 0;
        foreach (var value in (root is JContainer container ? container.Descendants() : []).Append(root).OfType<JValue>())
        {
            string? message = null;
            if (value.Type == JTokenType.Undefined)
            {
                // Newtonsoft.Json reads "[1,,2]" as an array with an undefined element between the commas.
                message = "not valid JSON: an empty element (a comma with no value before it)";
            }
            else if (value.Value is BigInteger or double.PositiveInfinity or double.NegativeInfinity or double.NaN)
            {
                var expected = outOfRange?.Invoke(value) ?? $"expected a number from {long.MinValue.ToString("N0", CultureInfo.InvariantCulture)} to {long.MaxValue.ToString("N0", CultureInfo.InvariantCulture)}";
                message = $"{expected}, found {Shorten(value.ToString(Formatting.None))}";
            }

            if (message is null)
            {
                continue;
            }

            // A token's path costs its index in each array above it: the first problems are named, the rest counted.
            if (problems.Count < MaxNamed)
            {
                problems.Add(At(source, value, message));
            }
            else
            {
                more++;
            }
        }

        if (more > 0)
        {
            problems.Add(new Diagnostic(source, 0, 0, string.Empty, $"and {more.ToString("N0", CultureInfo.InvariantCulture)} more values like these"));
        }

        return problems.Count > 0 ? throw new InputException(problems) : root;
    }

    /// <summary>A diagnostic at a token, with its line and column when the token has them.</summary>
    public static Diagnostic At(string source, JToken token, string message, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        var info = (IJsonLineInfo)token;
        return new Diagnostic(source, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0, path ?? token.Path, message);
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : $"{text[..12]}…{text[^6..]} ({text.Length} characters)";
}
