using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>A party's notification obligations on a date: each with its state, the counts per treaty year, and notifications that discharge nothing.</summary>
/// <param name="Party">The party.</param>
/// <param name="AsOf">The date.</param>
/// <param name="Obligations">Every obligation triggered by then, in trigger order.</param>
/// <param name="Unmatched">Notifications provided that match no obligation (wrong subject or date, or nothing owed).</param>
/// <param name="TreatyYears">Counts per 1-based treaty year of the trigger.</param>
public sealed record DeadlineReport(
    PartyCode Party,
    LocalDate AsOf,
    ImmutableArray<TrackedObligation> Obligations,
    ImmutableArray<NotificationDocument> Unmatched,
    ImmutableArray<TreatyYearCount> TreatyYears)
{
    /// <summary>The number of obligations in a state.</summary>
    public int Count(DeadlineState state) => Obligations.Count(o => o.State == state);

    /// <summary>Whether anything is late, overdue or unmatched.</summary>
    public bool HasFindings => Count(DeadlineState.Late) > 0 || Count(DeadlineState.Overdue) > 0 || !Unmatched.IsEmpty;
}
