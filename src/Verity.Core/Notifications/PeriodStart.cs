namespace Verity.Core.Notifications;

/// <summary>Where a periodic trigger's first period begins.</summary>
public enum PeriodStart
{
    /// <summary>The first day of the calendar month after the month of entry into force (New START Part Four, Section II, para. 2).</summary>
    MonthAfterEntryIntoForce,

    /// <summary>The first of January after entry into force.</summary>
    CalendarYearAfterEntryIntoForce,
}
