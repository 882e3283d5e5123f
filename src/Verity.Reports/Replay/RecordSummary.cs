namespace Verity.Reports.Replay;

/// <summary>One party's notifications and databases in the replayed record, as the demo held and reconciled them.</summary>
/// <param name="Party">The party, such as <c>US</c>.</param>
/// <param name="Owed">Notifications owed under the encoded types.</param>
/// <param name="OnTime">Of those, provided on time.</param>
/// <param name="Databases">Databases exchanged while the treaty was in force for the party.</param>
/// <param name="Findings">What reconciling its databases against its notifications found.</param>
public sealed record RecordSummary(string Party, int Owed, int OnTime, int Databases, int Findings);
