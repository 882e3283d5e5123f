namespace Verity.Core.Treaties;

/// <summary>Where a treaty stands for a party on a date.</summary>
public enum TreatyStanding
{
    /// <summary>Before entry into force.</summary>
    NotInForce,

    /// <summary>In force for the party.</summary>
    InForce,

    /// <summary>In force, but the party has suspended its participation.</summary>
    Suspended,

    /// <summary>Its duration (with any extension) has run out.</summary>
    Expired,

    /// <summary>Ended for all parties by termination, or by a withdrawal from a two-party treaty.</summary>
    Terminated,

    /// <summary>The party has withdrawn; the treaty stays in force among the others.</summary>
    Withdrawn,
}
