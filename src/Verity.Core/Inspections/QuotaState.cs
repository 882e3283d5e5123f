namespace Verity.Core.Inspections;

/// <summary>Where one quota stands on a date (for a treaty year that is over, on its last day).</summary>
public enum QuotaState
{
    /// <summary>Inspections may be conducted: the quota is not used up, or its use is not known.</summary>
    Open,

    /// <summary>As many inspections as the quota allows were held (or more: see <see cref="QuotaLine.Beyond"/>).</summary>
    Exhausted,

    /// <summary>Inspections are paused by agreement of all parties.</summary>
    Paused,

    /// <summary>The inspecting party, or every party it could inspect, has suspended its participation.</summary>
    Suspended,

    /// <summary>Every party the inspecting party could inspect has exempted its facilities from inspection.</summary>
    Exempted,

    /// <summary>Before the first day inspections may take place.</summary>
    NotStarted,

    /// <summary>The treaty year is over with the quota neither used up nor restrained: what was left lapsed.</summary>
    Closed,

    /// <summary>The treaty is not in force for the party (before entry into force, expired, terminated or withdrawn).</summary>
    NotInForce,
}
