using NodaTime;

namespace Verity.Core.Treaties;

/// <summary>The treaty's own dates and periods. Treaty time is UTC; dates of effect are calendar dates.</summary>
/// <param name="Signature">Date of signature, where known.</param>
/// <param name="EntryIntoForceDate">Date of entry into force; <c>null</c> for a proposal that has none yet.</param>
/// <param name="Duration">How long the treaty runs from entry into force; <c>null</c> for unlimited duration.</param>
/// <param name="Expiry">A fixed expiry date, for treaties that name one instead of a duration.</param>
/// <param name="MaxExtension">The longest extension the treaty allows; <c>null</c> when it allows none.</param>
/// <param name="WithdrawalNotice">The notice a withdrawing party must give; <c>null</c> when the treaty sets none.</param>
public sealed record TreatyDates(
    LocalDate? Signature,
    LocalDate? EntryIntoForceDate,
    Period? Duration,
    LocalDate? Expiry,
    Period? MaxExtension,
    Period? WithdrawalNotice)
{
    /// <summary>Whether the date of entry into force is known (always, except for a proposal none has been assumed for).</summary>
    public bool HasEntryIntoForce => EntryIntoForceDate is not null;

    /// <summary>Date of entry into force.</summary>
    /// <exception cref="InvalidOperationException">A proposal without one: assume it with <see cref="Treaty.AssumingEntryIntoForce"/>.</exception>
    public LocalDate EntryIntoForce => EntryIntoForceDate ?? throw new InvalidOperationException(
        "the proposal has no date of entry into force: assume one with Treaty.AssumingEntryIntoForce");
}
