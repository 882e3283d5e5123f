namespace Verity.Core.Inspections;

/// <summary>Where a count of inspections held comes from.</summary>
public enum CountBasis
{
    /// <summary>Counted from a record of each inspection (a log, or a synthetic record), which is complete by construction.</summary>
    Counted,

    /// <summary>Stated by the public record's sources.</summary>
    Published,

    /// <summary>Worked out from published counts, such as a year's total equal to the sum of its quotas.</summary>
    Derived,

    /// <summary>No count was published: unknown, never 0.</summary>
    NotPublished,
}
