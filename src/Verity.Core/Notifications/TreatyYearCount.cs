namespace Verity.Core.Notifications;

/// <summary>Obligation counts for one treaty year.</summary>
/// <param name="Year">The 1-based treaty year.</param>
/// <param name="Owed">Obligations triggered in it.</param>
/// <param name="OnTime">Provided on time.</param>
/// <param name="Late">Provided late.</param>
/// <param name="Overdue">Not provided, deadline passed.</param>
/// <param name="Pending">Not provided, deadline to come.</param>
public sealed record TreatyYearCount(int Year, int Owed, int OnTime, int Late, int Overdue, int Pending);
