namespace Verity.Core.Forces;

/// <summary>Why a row was not the figure picked.</summary>
public enum PassReason
{
    /// <summary>A later vintage exists on or before the date.</summary>
    Older,

    /// <summary>Of the picked vintage, but a higher rule (or the same rule with a later date or edition) won.</summary>
    Outranked,

    /// <summary>An official projection for a date that a non-projection figure already reaches.</summary>
    ProjectionOvertaken,

    /// <summary>As of a date after the one asked for.</summary>
    AfterDate,

    /// <summary>A ceiling alone ("no more than 260"), not a count, while some row gives a figure.</summary>
    CeilingOnly,
}
