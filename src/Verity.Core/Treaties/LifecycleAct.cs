using NodaTime;

namespace Verity.Core.Treaties;

/// <summary>A dated event in a treaty's life: an extension, a suspension, a withdrawal, a note for the timeline.</summary>
/// <param name="Date">The date the act takes effect.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Party">The party acting, for suspension, resumption and withdrawal; <c>null</c> for acts of all parties.</param>
/// <param name="Period">The extension's length, for <see cref="LifecycleActKind.Extension"/>.</param>
/// <param name="Text">A description for people.</param>
/// <param name="SourceId">The cited source.</param>
public sealed record LifecycleAct(LocalDate Date, LifecycleActKind Kind, PartyCode? Party, Period? Period, string? Text, string? SourceId);
