using System.Collections.Immutable;

namespace Verity.Core.Treaties;

/// <summary>How many inspections of one type a party may conduct each treaty year.</summary>
/// <param name="Type">The inspection type, such as <c>type-one</c>.</param>
/// <param name="Name">A readable name.</param>
/// <param name="PerYear">The number per treaty year.</param>
/// <param name="FromYear">The first treaty year (1-based) the quota applies to; <c>null</c> from the first.</param>
/// <param name="UntilYear">The last treaty year it applies to; <c>null</c> without end.</param>
/// <param name="SourceId">The cited source.</param>
public sealed record InspectionQuota(string Type, string Name, int PerYear, int? FromYear, int? UntilYear, string? SourceId)
{
    /// <summary>Its name in other languages than English, by BCP 47 code; the treaty's
    /// <see cref="Treaty.Translations"/> say on what authority each rests.</summary>
    public ImmutableDictionary<string, string> Names { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Whether the quota applies in the given 1-based treaty year.</summary>
    public bool AppliesIn(int treatyYear) =>
        (FromYear is null || treatyYear >= FromYear) && (UntilYear is null || treatyYear <= UntilYear);
}
