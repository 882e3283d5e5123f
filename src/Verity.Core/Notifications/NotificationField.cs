namespace Verity.Core.Notifications;

/// <summary>One field of a notification type.</summary>
/// <param name="Name">The field's name in the JSON document.</param>
/// <param name="Type">Its type.</param>
/// <param name="Required">Whether every notification must give it.</param>
/// <param name="Text">What it holds.</param>
public sealed record NotificationField(string Name, FieldType Type, bool Required, string? Text);
