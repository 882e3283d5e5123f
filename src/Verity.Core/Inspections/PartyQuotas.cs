using System.Collections.Immutable;

namespace Verity.Core.Inspections;

/// <summary>One party's quotas as the inspecting party, year by year, and the acts restraining its inspections on the date.</summary>
/// <param name="Party">The inspecting party.</param>
/// <param name="Years">Each treaty year from the first to the one of the date (or the last, after the treaty ended).</param>
/// <param name="Restraints">The lifecycle acts in force on the date that stop some or all of its inspections, oldest first.</param>
public sealed record PartyQuotas(PartyCode Party, ImmutableArray<QuotaYear> Years, ImmutableArray<Restraint> Restraints)
{
    /// <summary>The year the date falls in (or the last year, after the treaty ended); <c>null</c> before entry into force.</summary>
    public QuotaYear? Current => Years.IsEmpty ? null : Years[^1];
}
