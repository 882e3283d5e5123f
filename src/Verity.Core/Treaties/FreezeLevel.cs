using NodaTime;

namespace Verity.Core.Treaties;

/// <summary>A party's level of one measure on a date, such as its stockpile on 2027-02-05; <c>null</c> when unknown.</summary>
/// <param name="party">The party.</param>
/// <param name="measure">The limit's measure tag, such as <c>stockpile</c> (see <see cref="LimitMeasure"/>).</param>
/// <param name="date">The date.</param>
public delegate long? FreezeLevel(PartyCode party, string measure, LocalDate date);
