using System.Collections.Immutable;

namespace Verity.Core.Analysis.Proposals;

/// <summary>One draft compared: every limit for every party and group it applies to.</summary>
/// <param name="DraftId">The draft's identifier.</param>
/// <param name="Name">The draft's name.</param>
/// <param name="EntryIntoForce">The entry into force the comparison read the draft with.</param>
/// <param name="EntryIntoForceAssumed">Whether it was assumed (a draft has none of its own).</param>
/// <param name="Limits">Per limit and scope, in the draft's order of limits, parties first, then groups.</param>
public sealed record DraftComparison(string DraftId, string Name, NodaTime.LocalDate EntryIntoForce, bool EntryIntoForceAssumed, ImmutableArray<LimitComparison> Limits)
{
    /// <summary>The draft's name and title in other languages, by code, as its file gives them (<c>names:</c>).</summary>
    public ImmutableDictionary<string, Treaties.TreatyName> Names { get; init; } = ImmutableDictionary<string, Treaties.TreatyName>.Empty;

    /// <summary>Its name in <paramref name="language"/>, or <see cref="Name"/> where the file gives none.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language)?.Name ?? Name;

    /// <summary>The row with the largest cut required, or <c>null</c> when no scope must cut.</summary>
    public LimitComparison? MustCutMost => Limits.Where(l => l.Cut is > 0).OrderByDescending(l => l.Cut).FirstOrDefault();
}
