using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Verity.Core.Loading;

/// <summary>
/// A YAML document read into JSON tokens, remembering where in the text each token came from, so that every
/// later problem (schema or meaning) can point at file, line and column.
/// </summary>
internal sealed partial class YamlDocument
{
    private readonly Dictionary<string, (int Line, int Column)> _positions;
    private readonly Dictionary<string, (int Line, int Column)> _keys;

    private YamlDocument(string source, JToken root, Dictionary<string, (int Line, int Column)> positions, Dictionary<string, (int Line, int Column)> keys)
    {
        Source = source;
        Root = root;
        _positions = positions;
        _keys = keys;
    }

    public string Source { get; }

    public JToken Root { get; }

    /// <summary>
    /// Reads a file that must be one YAML mapping of at most <paramref name="maxChars"/> characters: the document and
    /// its root mapping, or an <see cref="InputException"/> with every problem (a file too large, a syntax error, a
    /// root that is not a mapping: <paramref name="expected"/> says what it should be).
    /// </summary>
    public static (YamlDocument Document, JObject Root) ParseMapping(string text, string source, int maxChars, string expected)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        if (text.Length > maxChars)
        {
            throw new InputException(new Diagnostic(source, 0, 0, string.Empty, $"the file is larger than {maxChars.ToString("N0", CultureInfo.InvariantCulture)} characters"));
        }

        var problems = new List<Diagnostic>();
        var document = Parse(text, source, problems);
        if (document is null || problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return document.Root is JObject root ? (document, root) : throw new InputException(document.At(string.Empty, expected));
    }

    /// <summary>
    /// Reads YAML text through the <see cref="BoundedYamlParser"/>; syntax errors, duplicate keys and passed bounds
    /// (depth, aliases, a second document) come back as diagnostics.
    /// </summary>
    public static YamlDocument? Parse(string text, string source, List<Diagnostic> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(text));
        }
        catch (Exception e) when (Problem(e, source) is { } problem)
        {
            problems.Add(e is YamlException && e.Message.Contains("tab", StringComparison.Ordinal) && FirstTabIndent(text) is var (line, column) && line > 0
                ? problem with { Line = line, Column = column } // YamlDotNet places a tab used as indentation at 1:1
                : problem);
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            problems.Add(new Diagnostic(source, 1, 1, string.Empty, "the file is empty: expected a YAML mapping"));
            return null;
        }

        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var keys = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var root = Convert(stream.Documents[0].RootNode, string.Empty, source, positions, keys, problems);
        return new YamlDocument(source, root, positions, keys);
    }

    /// <summary>
    /// The diagnostic for what reading YAML threw: a syntax error (<see cref="YamlException"/>, also as the inner
    /// exception of a deserializer's), a passed bound (<see cref="BoundedYamlParser.LimitException"/>), or one of the
    /// <see cref="InvalidOperationException"/>s YamlDotNet's scanner and representation model throw on some malformed
    /// streams (a malformed plain scalar, a stray alias or anchor in a flow mapping), which carry no position.
    /// <c>null</c> for anything else.
    /// </summary>
    public static Diagnostic? Problem(Exception e, string source)
    {
        ArgumentNullException.ThrowIfNull(e);
        if ((e as BoundedYamlParser.LimitException ?? e.InnerException as BoundedYamlParser.LimitException) is { } limit)
        {
            return new Diagnostic(source, limit.Line, limit.Column, string.Empty, limit.Message);
        }

        return e switch
        {
            YamlException yaml => new Diagnostic(source, (int)yaml.Start.Line, (int)yaml.Start.Column, string.Empty,
                $"not valid YAML: {PositionPrefix().Replace(yaml.InnerException?.Message ?? yaml.Message, string.Empty)}"),
            InvalidOperationException => new Diagnostic(source, 1, 1, string.Empty, $"not valid YAML: {e.Message}"),
            _ => null,
        };
    }

    // The first tab in a line's indentation (1-based line and column), or (0, 0) when no line is indented with one.
    private static (int Line, int Column) FirstTabIndent(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }

        return (0, 0);
    }

    /// <summary>Where a token (by its JSON path, as <see cref="JToken.Path"/> gives it) stands in the text; (0, 0) when unknown.</summary>
    public (int Line, int Column) PositionOf(string path)
    {
        while (true)
        {
            if (_positions.TryGetValue(path, out var position))
            {
                return position;
            }

            // One segment at a time: a name Newtonsoft.Json writes as ['…'] (one with '.', '[' or a space) may hold dots
            // of its own, and cutting at each of them made a long dotted key quadratic (a 200,000-dot key: minutes).
            var cut = path.EndsWith("']", StringComparison.Ordinal)
                ? path.LastIndexOf("['", StringComparison.Ordinal)
                : Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return _positions.GetValueOrDefault(string.Empty);
            }

            path = path[..cut];
        }
    }

    public Diagnostic At(string path, string message)
    {
        var (line, column) = PositionOf(path);
        return new Diagnostic(Source, line, column, path, message);
    }

    public Diagnostic At(JToken token, string message) => At(token.Path, message);

    /// <summary>A diagnostic at a mapping key rather than its value, such as an unknown field.</summary>
    public Diagnostic AtKey(string path, string message)
    {
        var (line, column) = _keys.TryGetValue(path, out var key) ? key : PositionOf(path);
        return new Diagnostic(Source, line, column, path, message);
    }

    private static JToken Convert(YamlNode node, string path, string source, Dictionary<string, (int, int)> positions, Dictionary<string, (int, int)> keys, List<Diagnostic> problems)
    {
        positions[path] = ((int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                {
                    var obj = new JObject();
                    foreach (var (keyNode, valueNode) in mapping.Children)
                    {
                        var key = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
                        var childPath = Child(path, key);
                        if (obj.ContainsKey(key))
                        {
                            problems.Add(new Diagnostic(source, (int)keyNode.Start.Line, (int)keyNode.Start.Column, childPath, $"duplicate key '{key}'"));
                            continue;
                        }

                        keys[childPath] = ((int)keyNode.Start.Line, (int)keyNode.Start.Column);
                        obj[key] = Convert(valueNode, childPath, source, positions, keys, problems);
                        positions[childPath] = ((int)valueNode.Start.Line, (int)valueNode.Start.Column);
                    }

                    return obj;
                }

            case YamlSequenceNode sequence:
                {
                    var array = new JArray();
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        array.Add(Convert(sequence.Children[i], $"{path}[{i}]", source, positions, keys, problems));
                    }

                    return array;
                }

            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return JValue.CreateNull();
        }
    }

    /// <summary>The path of <paramref name="key"/> in the mapping at <paramref name="path"/>, written as
    /// <see cref="JToken.Path"/> writes it, so that a token's path finds its position: a name with one of
    /// Newtonsoft.Json's special characters in brackets and quotes, its quotes and backslashes escaped.</summary>
    internal static string Child(string path, string key)
    {
        if (key.AsSpan().IndexOfAny(PathSpecials) < 0)
        {
            return path.Length == 0 ? key : $"{path}.{key}";
        }

        var escaped = new System.Text.StringBuilder(key.Length + 4).Append(path).Append("['");
        foreach (var c in key)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '\'' => escaped.Append(@"\'"),
                '\t' => escaped.Append(@"\t"),
                '\n' => escaped.Append(@"\n"),
                '\r' => escaped.Append(@"\r"),
                '\f' => escaped.Append(@"\f"),
                '\b' => escaped.Append(@"\b"),
                _ when c < ' ' || c is '\u0085' or '\u2028' or '\u2029' => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.Append("']").ToString();
    }

    private static readonly System.Buffers.SearchValues<char> PathSpecials =
        System.Buffers.SearchValues.Create(".'/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029 ");

    private static JValue Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return new JValue(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return JValue.CreateNull();
        }

        if (value is "true" or "True" or "TRUE")
        {
            return new JValue(true);
        }

        if (value is "false" or "False" or "FALSE")
        {
            return new JValue(false);
        }

        if (IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }

        if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return new JValue(real);
        }

        return new JValue(value);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
