using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verity.Core.Loading;

/// <summary>
/// YamlDotNet's parser with bounds, the one way YAML text is read: every event passes through here before anything is
/// built from it, and the first event past a bound stops the read with a <see cref="LimitException"/> naming its line.
/// The parser keeps its own stack, so depth alone cannot overflow it; what is built from its events (the representation
/// model, the deserializer, the JSON tokens) recurses, and an alias is expanded wherever it is used. So it refuses
/// nesting deeper than <see cref="MaxDepth"/> levels, more than <see cref="MaxNodes"/> nodes with every alias expanded
/// (an alias counts as the whole node it names, so a "billion laughs" file stops at the first alias past the bound),
/// an alias that names no complete anchor (a node cannot contain itself), and a second document in one file. It also
/// refuses a mapping whose nodes do not pair into keys and values: on some malformed entries (a key-less <c>- : x</c>
/// among block mappings) YamlDotNet's parser drops a node, and what is built from its events would otherwise fail
/// with an error that names no place.
/// </summary>
/// <remarks>
/// The bounds are far above every honest file: the bundled treaties, exchange definitions and forces files nest at most
/// 9 levels and hold at most a few thousand nodes.
/// </remarks>
internal sealed class BoundedYamlParser(string text) : IParser
{
    /// <summary>The deepest nesting of mappings and sequences read, aliases expanded.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes (scalars, mappings, sequences) read, every alias counted as the node it names.</summary>
    public const int MaxNodes = 200_000;

    private readonly Parser _inner = new(new StringReader(text));
    private readonly Stack<Frame> _open = new();
    private readonly Dictionary<string, (long Nodes, int Height)> _anchors = new(StringComparer.Ordinal);
    private long _nodes;
    private int _documents;

    public ParsingEvent Current => _inner.Current!;

    /// <summary>Reads every remaining event, so that a second document after the one consumed is refused too.</summary>
    public void ReadToEnd()
    {
        while (MoveNext())
        {
        }
    }

    public bool MoveNext()
    {
        try
        {
            if (!_inner.MoveNext())
            {
                return false;
            }
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser throws this, with no place, on some malformed streams; the place is where the last
            // good event ended, or the flow collection still open (a '[' or '{' never closed).
            throw _open.TryPeek(out var open) && open.IsFlow
                ? new LimitException(open.Start, $"not valid YAML: the {(open.IsMapping ? "'{'" : "'['")} opened here is not closed, or what follows it in the brackets is not YAML")
                : new LimitException(_inner.Current?.End ?? Mark.Empty, "not valid YAML after this point");
        }

        switch (_inner.Current)
        {
            case DocumentStart start when ++_documents > 1:
                throw new LimitException(start.Start, "a second YAML document: a file holds one document (remove the '---' and what follows it, or split the file)");
            case MappingStart or SequenceStart:
                var node = (NodeEvent)_inner.Current;
                if (_open.Count + 1 > MaxDepth)
                {
                    throw new LimitException(node.Start, $"nested deeper than {MaxDepth} levels of mappings and sequences");
                }

                Count(1, node);
                var flow = node is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
                _open.Push(new Frame(node.Anchor.IsEmpty ? null : node.Anchor.Value, node is MappingStart, flow, node.Start));
                break;
            case MappingEnd or SequenceEnd:
                var frame = _open.Pop();
                if (frame.IsMapping && frame.Children % 2 != 0)
                {
                    throw new LimitException(frame.Start, "a mapping entry without its key or its value (write each entry as 'key: value')");
                }

                Complete(frame.Anchor, frame.Nodes + 1, frame.Height + 1);
                break;
            case Scalar scalar:
                Count(1, scalar);
                Complete(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1, 0);
                break;
            case AnchorAlias alias:
                if (!_anchors.TryGetValue(alias.Value.Value, out var named))
                {
                    throw new LimitException(alias.Start, $"alias *{alias.Value.Value} names no complete anchor before it (an anchor must be defined before its aliases, outside them)");
                }

                if (_open.Count + named.Height > MaxDepth)
                {
                    throw new LimitException(alias.Start, $"alias *{alias.Value.Value} expands to nesting deeper than {MaxDepth} levels of mappings and sequences");
                }

                Count(named.Nodes, alias);
                Complete(null, named.Nodes, named.Height);
                break;
        }

        return true;
    }

    private void Count(long nodes, ParsingEvent at)
    {
        _nodes += nodes;
        if (_nodes > MaxNodes)
        {
            throw new LimitException(at.Start, $"more than {MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} nodes with every alias expanded");
        }
    }

    private void Complete(string? anchor, long nodes, int height)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = (nodes, height);
        }

        if (_open.TryPeek(out var parent))
        {
            parent.Nodes += nodes;
            parent.Height = Math.Max(parent.Height, height);
            parent.Children++;
        }
    }

    private sealed class Frame(string? anchor, bool isMapping, bool isFlow, Mark start)
    {
        public string? Anchor { get; } = anchor;

        public bool IsMapping { get; } = isMapping;

        /// <summary>Written in brackets (<c>[…]</c>, <c>{…}</c>) rather than by indentation.</summary>
        public bool IsFlow { get; } = isFlow;

        public Mark Start { get; } = start;

        /// <summary>The nodes directly inside: keys and values alternate in a mapping, so a whole one holds an even number.</summary>
        public int Children { get; set; }

        public long Nodes { get; set; }

        public int Height { get; set; }
    }

    /// <summary>A bound passed or a malformed stream refused: where (1-based line and column) and which.</summary>
    public sealed class LimitException(Mark start, string message) : Exception(message)
    {
        public int Line { get; } = (int)start.Line;

        public int Column { get; } = (int)start.Column;
    }
}
