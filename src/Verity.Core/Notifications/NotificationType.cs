using System.Collections.Immutable;

namespace Verity.Core.Notifications;

/// <summary>A notification the treaty requires: what triggers it, by when it is due, what it contains, how it reads.</summary>
/// <param name="Id">The identifier, such as <c>change-in-data</c>.</param>
/// <param name="Reference">The provision, such as "Part Four, Section II, para. 3".</param>
/// <param name="Name">A readable name.</param>
/// <param name="Text">What the provision says of it.</param>
/// <param name="SourceId">The cited source.</param>
/// <param name="Confirmed">False where the deadline or content comes from secondary sources only.</param>
/// <param name="Trigger">What makes it owed.</param>
/// <param name="Deadline">When it is due.</param>
/// <param name="Fields">Its fields.</param>
/// <param name="Templates">A rendering template per language code (<c>en</c>, <c>ru</c>, <c>fa-AF</c>, …), with <c>{field}</c> placeholders.</param>
public sealed record NotificationType(
    string Id,
    string Reference,
    string Name,
    string? Text,
    string? SourceId,
    bool Confirmed,
    NotificationTrigger Trigger,
    NotificationDeadline Deadline,
    ImmutableArray<NotificationField> Fields,
    ImmutableDictionary<string, string> Templates)
{
    /// <summary>Its name in other languages than English, by BCP 47 code (<c>ru</c>, <c>fa-AF</c>); the treaty's
    /// <see cref="Treaties.Treaty.Translations"/> say on what authority each rests.</summary>
    public ImmutableDictionary<string, string> Names { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Its name in <paramref name="language"/>, or in English where the treaty gives none.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;

    /// <summary>The field with this name, or <c>null</c>.</summary>
    public NotificationField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
