namespace Verity.Core.Notifications;

/// <summary>Owed for each activity of a kind: a launch, an inspection flight, a bomber leaving national territory.</summary>
/// <param name="Kind">The activity kind.</param>
public sealed record OnActivity(string Kind) : NotificationTrigger;
