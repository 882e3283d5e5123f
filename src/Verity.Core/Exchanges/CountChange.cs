namespace Verity.Core.Exchanges;

/// <summary>A number that changed between two databases: a category's count, an aggregate, the warheads at a base.</summary>
/// <param name="Name">What changed: a category or limit identifier, or <c>group: base</c> for warheads.</param>
/// <param name="Before">The number in the earlier database (0 when absent there).</param>
/// <param name="After">The number in the later database (0 when absent there).</param>
public sealed record CountChange(string Name, long Before, long After)
{
    /// <summary>After less before.</summary>
    public long Delta => After - Before;

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Before} → {After} ({(Delta >= 0 ? "+" : string.Empty)}{Delta})";
}
