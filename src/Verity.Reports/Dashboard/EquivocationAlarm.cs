namespace Verity.Reports.Dashboard;

/// <summary>An equivocation alarm: two checkpoints of one log, both signed by its party, that cannot both be true.</summary>
/// <param name="Log">Whose log.</param>
/// <param name="Reason">What does not hold between them.</param>
/// <param name="First">One signed checkpoint's text, as received.</param>
/// <param name="Second">The other's.</param>
public sealed record EquivocationAlarm(string Log, string Reason, string First, string Second);
