using System.Collections.Immutable;

namespace Verity.Core.Treaties;

/// <summary>A named reading of the treaty: overlays on counting rules, computed beside the agreed reading.</summary>
/// <param name="Id">The name used on the command line, such as <c>ru-2022</c>.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Text">What the reading holds and who holds it.</param>
/// <param name="SourceId">The cited source.</param>
/// <param name="Overlays">The changes to limits' rules.</param>
public sealed record Interpretation(string Id, string Name, string? Text, string? SourceId, ImmutableArray<RuleOverlay> Overlays)
{
    /// <summary>The name of the agreed reading, which has no overlays.</summary>
    public const string AgreedId = "agreed";

    /// <summary>The agreed reading: every rule as the treaty file states it.</summary>
    public static Interpretation Agreed { get; } = new(AgreedId, "Agreed reading", null, null, []);
}
