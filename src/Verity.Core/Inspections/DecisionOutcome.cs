namespace Verity.Core.Inspections;

/// <summary>Whether one more inspection may take place.</summary>
public enum DecisionOutcome
{
    /// <summary>It may: the treaty is in force, nothing restrains it, and the quota is not used up.</summary>
    Allowed,

    /// <summary>It may not, for the reason given.</summary>
    Refused,

    /// <summary>Nothing restrains it, but the quota's use so far is not known, so whether one is left cannot be told.</summary>
    Undetermined,
}
