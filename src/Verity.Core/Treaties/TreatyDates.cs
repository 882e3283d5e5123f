using NodaTime;

namespace Verity.Core.Treaties;

/// <summary>The treaty's own dates and periods. Treaty time is UTC; dates of effect are calendar dates.</summary>
/// <param name="Signature">Date of signature, where known.</param>
/// <param name="EntryIntoForce">Date of entry into force.</param>
/// <param name="Duration">How long the treaty runs from entry into force; <c>null</c> for unlimited duration.</param>
/// <param name="Expiry">A fixed expiry date, for treaties that name one instead of a duration.</param>
/// <param name="MaxExtension">The longest extension the treaty allows; <c>null</c> when it allows none.</param>
/// <param name="WithdrawalNotice">The notice a withdrawing party must give; <c>null</c> when the treaty sets none.</param>
public sealed record TreatyDates(
    LocalDate? Signature,
    LocalDate EntryIntoForce,
    Period? Duration,
    LocalDate? Expiry,
    Period? MaxExtension,
    Period? WithdrawalNotice);
