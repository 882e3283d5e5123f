namespace Verity.Core.Treaties;

/// <summary>What a dated lifecycle act does to the treaty.</summary>
public enum LifecycleActKind
{
    /// <summary>The treaty enters into force (informational: the date is <see cref="TreatyDates.EntryIntoForce"/>).</summary>
    EntryIntoForce,

    /// <summary>The parties extend the treaty by the act's period.</summary>
    Extension,

    /// <summary>A party suspends its participation: its limits show as suspended until it resumes.</summary>
    Suspension,

    /// <summary>A party resumes its participation after a suspension.</summary>
    Resumption,

    /// <summary>A party gives notice of withdrawal; it takes effect after the treaty's withdrawal notice period.</summary>
    WithdrawalNotice,

    /// <summary>A party's withdrawal takes effect on the act's date.</summary>
    Withdrawal,

    /// <summary>The treaty ends for all parties on the act's date (superseded or terminated by agreement).</summary>
    Termination,

    /// <summary>On-site inspections stop (informational).</summary>
    InspectionsPaused,

    /// <summary>On-site inspections resume (informational).</summary>
    InspectionsResumed,

    /// <summary>A dated remark for the timeline, with no legal effect.</summary>
    Note,
}
