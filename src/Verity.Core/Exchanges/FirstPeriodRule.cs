namespace Verity.Core.Exchanges;

/// <summary>Where the first six-month (or other) period of database updates begins, relative to entry into force.</summary>
public enum FirstPeriodRule
{
    /// <summary>On the date of entry into force.</summary>
    EntryIntoForce,

    /// <summary>
    /// On the first day of the calendar month following the month of entry into force
    /// (New START Part Four, Section II, para. 2: 2011-02-05 gives 2011-03-01).
    /// </summary>
    FirstDayOfNextMonth,
}
