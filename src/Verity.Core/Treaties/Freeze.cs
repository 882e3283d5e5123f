namespace Verity.Core.Treaties;

/// <summary>
/// A ceiling set at a party's own level on a date: "freeze the stockpile at its level of entry into force".
/// The number is not in the treaty; a caller resolves it with a <see cref="FreezeLevel"/> (from declared or estimated figures).
/// </summary>
/// <param name="AsOf">The date whose level becomes the ceiling.</param>
public sealed record Freeze(TreatyDate AsOf)
{
    /// <summary>The freeze with its date resolved against an entry into force.</summary>
    public Freeze Resolve(NodaTime.LocalDate entryIntoForce) => new(AsOf.Resolve(entryIntoForce));
}
