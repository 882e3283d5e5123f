namespace Verity.Core.Forces;

/// <summary>What kind of figure an estimate is: how much a reader may rest on it.</summary>
public enum EstimateBasis
{
    /// <summary>A state's own figure: a treaty declaration (New START data) or an official count.</summary>
    Declared,

    /// <summary>An independent estimate, such as the FAS Nuclear Notebook or the SIPRI Yearbook.</summary>
    Estimate,

    /// <summary>An official projection of a future figure, such as the Pentagon's report on China for 2030.</summary>
    OfficialProjection,

    /// <summary>An official's claim, not a count.</summary>
    Statement,

    /// <summary>The state does not disclose the figure: unknown, never zero.</summary>
    Undisclosed,
}
