namespace Verity.Core.Analysis.Proposals;

/// <summary>How a projected value stands against a draft's ceiling in the year compared.</summary>
public enum ComparisonStatus
{
    /// <summary>The median path is at or below the ceiling.</summary>
    Within,

    /// <summary>The median path is above the ceiling: the scope must cut.</summary>
    Exceeds,

    /// <summary>The limit (or the draft) does not yet apply in the year.</summary>
    NotYetInEffect,

    /// <summary>The draft has run out, or ended, before the year (Russia's one-year offer, compared in 2030).</summary>
    Expired,

    /// <summary>A member has no estimate of the limit's measure, or the limit has no measure or no ceiling that can be
    /// resolved: the value is unknown, never zero.</summary>
    NoData,
}
