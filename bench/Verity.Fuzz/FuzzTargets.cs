namespace Verity.Fuzz;

/// <summary>Every target, by name: the readers of Core, the parsers of Record, the node's headers and requests.</summary>
/// <remarks>Holds what the targets need while they run (the in-process node, a work directory); dispose it after.</remarks>
public sealed class FuzzTargets : IDisposable
{
    private readonly NodeTargets _node;

    private FuzzTargets(IReadOnlyList<FuzzTarget> all, NodeTargets node)
    {
        All = all;
        _node = node;
    }

    /// <summary>The targets, in the order they run.</summary>
    public IReadOnlyList<FuzzTarget> All { get; }

    /// <summary>Builds every target from the corpus beside the harness, working in <paramref name="workDirectory"/>.</summary>
    public static FuzzTargets Create(string workDirectory)
    {
        var corpus = Corpus.Beside;
        var node = new NodeTargets(workDirectory);
        try
        {
            return new FuzzTargets([.. CoreTargets.Create(corpus), .. RecordTargets.Create(corpus, workDirectory), .. node.Create(corpus)], node);
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>The target named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No target has that name.</exception>
    public FuzzTarget this[string name] => All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"no parser '{name}': expected one of {string.Join(", ", All.Select(t => t.Name))}", nameof(name));

    public void Dispose() => _node.Dispose();
}
