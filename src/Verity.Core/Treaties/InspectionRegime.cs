using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Treaties;

/// <summary>The treaty's inspection quotas. Treaty years run from the anniversary of entry into force.</summary>
/// <param name="From">The first date inspections may take place, where the treaty sets one.</param>
/// <param name="Quotas">The quotas by inspection type.</param>
public sealed record InspectionRegime(LocalDate? From, ImmutableArray<InspectionQuota> Quotas)
{
    /// <summary>No inspections.</summary>
    public static InspectionRegime None { get; } = new(null, []);

    /// <summary>The total number of inspections a party may conduct in a treaty year.</summary>
    public int TotalPerYear(int treatyYear) => Quotas.Where(q => q.AppliesIn(treatyYear)).Sum(q => q.PerYear);
}
