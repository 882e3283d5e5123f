using System.Collections.Immutable;

namespace Verity.Core.Analysis.Projections;

/// <summary>
/// The named projection variants of a file (the bundled <c>data/forces/projections.yaml</c> or a user's own), beside the
/// built-in models.
/// </summary>
/// <param name="Origin">The file the variants were read from.</param>
/// <param name="Variants">The variants, in file order, names unique.</param>
public sealed record ProjectionCatalog(string Origin, ImmutableArray<ProjectionModel> Variants)
{
    /// <summary>No variants: the built-in models only.</summary>
    public static ProjectionCatalog BuiltInOnly { get; } = new("built-in", []);

    /// <summary>Every name that may be asked for: the variants', then the built-in kinds' not shadowed by a variant.</summary>
    public IEnumerable<string> Names => Variants.Select(v => v.Name)
        .Concat(ProjectionModel.BuiltIns.Select(b => b.Name).Where(n => !Variants.Any(v => v.Name == n)));

    /// <summary>The variant of that name, else the built-in model of that kind, else <c>null</c>.</summary>
    public ProjectionModel? Find(string name) =>
        Variants.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal))
        ?? (ProjectionModel.TryParseKind(name, out var kind) ? ProjectionModel.BuiltIn(kind) : null);
}
