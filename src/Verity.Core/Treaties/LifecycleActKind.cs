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

    /// <summary>
    /// On-site inspections stop by agreement of all parties (New START: March 2020, COVID-19); no inspection may take
    /// place until an <see cref="InspectionsResumed"/> act without a party. The act names no party.
    /// </summary>
    InspectionsPaused,

    /// <summary>
    /// On-site inspections resume: without a party, after an <see cref="InspectionsPaused"/>; with a party, that party's
    /// facilities are open to inspection again after its <see cref="InspectionsExempted"/>.
    /// </summary>
    InspectionsResumed,

    /// <summary>
    /// The party acting exempts its facilities from inspection (New START Protocol Part Five, Section I, para. 5: a
    /// temporary exemption; Russia, 2022-08-08): no party may inspect it until an <see cref="InspectionsResumed"/> act of
    /// the same party. Its own right to inspect the others is not affected.
    /// </summary>
    InspectionsExempted,

    /// <summary>A dated remark for the timeline, with no legal effect.</summary>
    Note,
}
