using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Compliance;

/// <summary>Compliance with every limit of a treaty, for each party and group, on one date, under one reading.</summary>
/// <param name="Treaty">The treaty.</param>
/// <param name="At">The date.</param>
/// <param name="Interpretation">The reading whose rules were used.</param>
/// <param name="Standing">Where the treaty stands as a whole.</param>
/// <param name="Scopes">Each party and group evaluated.</param>
/// <param name="Inventory">The items counted; contributions index into it.</param>
public sealed record ComplianceReport(
    Treaty Treaty,
    LocalDate At,
    Interpretation Interpretation,
    TreatyStanding Standing,
    ImmutableArray<ScopeCompliance> Scopes,
    Inventory Inventory)
{
    /// <summary>Whether any limit in effect is exceeded: a finding.</summary>
    public bool AnyExceeded => Scopes.Any(s => s.Limits.Any(l => l.Status == LimitStatus.Exceeds));

    /// <summary>The scope of one party or group, or <c>null</c>.</summary>
    public ScopeCompliance? this[string scope] => Scopes.FirstOrDefault(s => s.Scope == scope);
}
