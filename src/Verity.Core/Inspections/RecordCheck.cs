using NodaTime;

namespace Verity.Core.Inspections;

/// <summary>
/// A published count that cannot be told apart by party or by treaty year (such as a total for both parties over
/// several years), set beside the quotas it spans: it can be no more than their sum.
/// </summary>
/// <param name="Row">The published row.</param>
/// <param name="FirstYear">The first treaty year the row overlaps.</param>
/// <param name="LastYear">The last treaty year the row overlaps.</param>
/// <param name="FullQuota">The sum of the quotas of the row's parties over those years: the most the row could count.</param>
/// <param name="KnownWithin">The inspections the record gives for the row's parties in the treaty years wholly inside it, where each is known; <c>null</c> when none is.</param>
public sealed record RecordCheck(PublishedInspectionCount Row, int FirstYear, int LastYear, int FullQuota, int? KnownWithin)
{
    /// <summary>Whether the count is within what the quotas allow and not below what is known of the years inside it.</summary>
    public bool IsConsistent => Row.Count is { } n && n <= FullQuota && (KnownWithin is not { } known || n >= known);

    /// <summary>Whether the count equals the full quota: every inspection the quotas allowed over the span was held.</summary>
    public bool IsFullUse => Row.Count == FullQuota;

    /// <summary>The last day the row counts.</summary>
    public LocalDate To => Row.To;
}
