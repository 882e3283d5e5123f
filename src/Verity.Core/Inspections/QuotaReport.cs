using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Inspections;

/// <summary>Every party's inspection quotas, use and what is left, as of a date; and the record's totals set beside the quotas.</summary>
/// <param name="TreatyId">The treaty.</param>
/// <param name="AsOf">The date.</param>
/// <param name="Parties">Each inspecting party asked for, in the treaty's order.</param>
/// <param name="Checks">The published counts up to the date that span several parties or treaty years, beside the quotas they span.</param>
public sealed record QuotaReport(string TreatyId, LocalDate AsOf, ImmutableArray<PartyQuotas> Parties, ImmutableArray<RecordCheck> Checks)
{
    /// <summary>Whether any quota was used beyond what it allows (a finding).</summary>
    public bool HasBeyond => Parties.Any(p => p.Years.Any(y => y.Types.Any(t => t.Beyond > 0) || y.Total.Beyond > 0));
}
