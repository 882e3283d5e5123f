namespace Verity.Core.Compliance;

/// <summary>Where a party stands against one limit on one date.</summary>
public enum LimitStatus
{
    /// <summary>In effect, and the counted value does not exceed the ceiling.</summary>
    Within,

    /// <summary>In effect, and the counted value exceeds the ceiling: a finding.</summary>
    Exceeds,

    /// <summary>The treaty is in force but the limit takes effect later.</summary>
    NotYetInEffect,

    /// <summary>The treaty is not (or no longer, by termination or withdrawal) in force for the party.</summary>
    TreatyNotInForce,

    /// <summary>The party has suspended its participation.</summary>
    Suspended,

    /// <summary>The treaty's term has run out.</summary>
    Expired,

    /// <summary>In effect, but the ceiling in force is a freeze at a level nobody supplied: no number to compare with.</summary>
    NoCeiling,
}
