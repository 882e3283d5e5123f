namespace Verity.Reports.Dashboard;

/// <summary>Why a dashboard page shows the date it shows.</summary>
public enum DateReason
{
    /// <summary>The request named it (<c>?at=</c>).</summary>
    Asked,

    /// <summary>None was named and the treaty is in force (or not yet, or without an end) today: today, UTC.</summary>
    Today,

    /// <summary>None was named and the treaty is no longer in force today: its last day in force, the last date its
    /// record covers (later statements are not the treaty's to count).</summary>
    LastDayInForce,
}
