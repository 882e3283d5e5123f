using System.Collections.Immutable;
using Verity.Core.Forces;
using Verity.Core.Text;

namespace Verity.Core.Analysis.Proposals;

/// <summary>One limit of a draft for one party or group: the projected value against the ceiling in the year compared.</summary>
/// <param name="LimitId">The limit's identifier in the draft.</param>
/// <param name="Name">What it limits, in the draft's words.</param>
/// <param name="Scope">The party (<c>US</c>) or the group (<c>group:west</c>).</param>
/// <param name="Members">The parties whose projections are summed.</param>
/// <param name="Measure">The measure the limit is tagged with; <c>null</c> when it has none (then the status is no-data).</param>
/// <param name="Max">The ceiling in force in the year; <c>null</c> when none applies or none can be resolved.</param>
/// <param name="CeilingBasis">Where the ceiling comes from: the draft's figure, a phased step, or a freeze and the rows it rests on; <c>null</c> when there is none to name.</param>
/// <param name="P10">The 10th percentile of the projected value; <c>null</c> when unknown.</param>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="Margin"><c>Max - P50</c>: positive is headroom, negative is over the ceiling.</param>
/// <param name="Cut">What must be cut to meet the ceiling on the median path (<c>max(0, P50 - Max)</c>).</param>
/// <param name="BreaksIn">The first year from the limit's effect in which the median path is above the ceiling in force; <c>null</c> when it is not before the horizon.</param>
/// <param name="Status">How it stands.</param>
/// <param name="Note">Why a value is unknown, or what was assumed.</param>
/// <param name="Path">The projected value year by year (p10 / p50 / p90 of the members' sum, and the sum of their central
/// paths), over the years every member's projection covers; empty when the value is unknown.</param>
public sealed record LimitComparison(
    string LimitId,
    string Name,
    string Scope,
    ImmutableArray<PartyCode> Members,
    ForceMeasure? Measure,
    long? Max,
    Phrase? CeilingBasis,
    double? P10,
    double? P50,
    double? P90,
    double? Margin,
    double? Cut,
    int? BreaksIn,
    ComparisonStatus Status,
    Phrase? Note,
    ImmutableArray<Projections.ProjectedYear> Path = default)
{
    /// <summary>What it limits in other languages, by code, as the draft's file gives it (<c>names:</c>).</summary>
    public ImmutableDictionary<string, string> Names { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>What it limits in <paramref name="language"/>, or <see cref="Name"/> where the draft gives none.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;

    /// <summary>The projected value year by year; empty when unknown.</summary>
    public ImmutableArray<Projections.ProjectedYear> Path { get; init; } = Path.IsDefault ? [] : Path;
}
