using NodaTime;
using Verity.Core.Forces;

namespace Verity.Core.Treaties;

/// <summary>A party's level of one measure on a date, such as its stockpile on 2027-02-05; <c>null</c> when unknown.</summary>
/// <param name="party">The party.</param>
/// <param name="measure">The limit's measure, such as <c>stockpile</c>.</param>
/// <param name="date">The date.</param>
public delegate long? FreezeLevel(PartyCode party, ForceMeasure measure, LocalDate date);
