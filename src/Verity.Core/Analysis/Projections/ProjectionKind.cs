namespace Verity.Core.Analysis.Projections;

/// <summary>The shape of a projection: how a state's figure is carried forward from its estimates.</summary>
public enum ProjectionKind
{
    /// <summary>
    /// <c>trend</c>: the least-squares line through the estimates of the last <see cref="ProjectionModel.WindowYears"/>
    /// years (the central value of each, one per as-of date).
    /// </summary>
    Trend,

    /// <summary>
    /// <c>anchored</c>: from the latest estimate, straight lines through official projection points (the model's
    /// <see cref="ProjectionModel.Anchors"/>, else the state's <c>official-projection</c> rows), then the last slope.
    /// </summary>
    Anchored,

    /// <summary><c>rate</c>: a growth per year from the latest estimate, absolute or per cent.</summary>
    Rate,

    /// <summary><c>hold</c>: flat at the latest estimate.</summary>
    Hold,

    /// <summary>
    /// <c>cap</c>: another model (<see cref="ProjectionModel.Base"/>, default <c>hold</c>) held at or below a ceiling from a
    /// year of effect on.
    /// </summary>
    Cap,
}
