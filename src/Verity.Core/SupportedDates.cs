using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Text;

namespace Verity.Core;

/// <summary>
/// The calendar dates Verity reads, 1900-01-01 to 2200-12-31, and the periods it adds to them (none longer than that
/// span). Every date that comes in — an option, a query parameter, a field of a file — is checked against the range
/// where it is read, so that no later step (a deadline, an exchange schedule, a timeline) computes past the end of the
/// calendar or does work without bound: the range holds every treaty since 1945 and every horizon a projection or a
/// draft names, with generations to spare.
/// </summary>
public static class SupportedDates
{
    /// <summary>The first supported date, 1900-01-01.</summary>
    public static LocalDate Min { get; } = new(1900, 1, 1);

    /// <summary>The last supported date, 2200-12-31.</summary>
    public static LocalDate Max { get; } = new(2200, 12, 31);

    /// <summary>The range in words, for messages and help: "1900-01-01 to 2200-12-31".</summary>
    public static string Range { get; } = $"{Iso(Min)} to {Iso(Max)}";

    /// <summary>The span of the range in days (109,937): no supported period is longer.</summary>
    private static readonly long SpanDays = Period.Between(Min, Max, PeriodUnits.Days).Days;

    /// <summary>Whether <paramref name="date"/> is within <see cref="Min"/> and <see cref="Max"/>.</summary>
    public static bool Contains(LocalDate date) => date >= Min && date <= Max;

    /// <summary>Whether the year is one of the supported dates' (1900 to 2200).</summary>
    public static bool ContainsYear(long year) => year >= Min.Year && year <= Max.Year;

    /// <summary>What is wrong with a date outside the range, such as "9999-12-31 is outside the supported dates, 1900-01-01 to 2200-12-31".</summary>
    public static string OutOfRange(LocalDate date) => Wordings.OutsideDates.With(date, Min, Max).English;

    /// <summary>
    /// Reads an ISO date (YYYY-MM-DD) that must lie within the range; <paramref name="problem"/> says why not: not a
    /// date, or a date outside the range.
    /// </summary>
    public static bool TryParse(string? text, out LocalDate date, [NotNullWhen(false)] out string? problem)
    {
        var read = TryRead(text, out date, out var phrase);
        problem = phrase?.English;
        return read;
    }

    /// <summary>As <see cref="TryParse"/>, saying why not as a <see cref="Phrase"/> that a renderer words in any language.</summary>
    public static bool TryRead(string? text, out LocalDate date, [NotNullWhen(false)] out Phrase? problem)
    {
        var result = text is null ? null : LocalDatePattern.Iso.Parse(text);
        if (result is not { Success: true })
        {
            date = default;
            problem = Wordings.NotADate.With(text ?? string.Empty);
            return false;
        }

        date = result.Value;
        problem = Contains(date) ? null : Wordings.OutsideDates.With(date, Min, Max);
        return problem is null;
    }

    /// <summary>
    /// Whether a period is no longer, unit by unit, than the supported range: such a period added to a supported date
    /// stays far inside the calendar (year 9999), so date arithmetic on supported dates and periods cannot overflow.
    /// </summary>
    public static bool Spans(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        const long Years = 301;
        return Within(period.Years, Years)
            && Within(period.Months, Years * 12)
            && Within(period.Weeks, (SpanDays / 7) + 1)
            && Within(period.Days, SpanDays)
            && Within(period.Hours, SpanDays * 24)
            && Within(period.Minutes, SpanDays * 24 * 60)
            && Within(period.Seconds, SpanDays * 24 * 60 * 60)
            && Within(period.Milliseconds, SpanDays * 24 * 60 * 60 * 1000)
            && Within(period.Ticks, SpanDays * TimeSpan.TicksPerDay)
            && Within(period.Nanoseconds / 1_000_000_000, SpanDays * 24 * 60 * 60);
    }

    /// <summary>What is wrong with a period that <see cref="Spans"/> refuses.</summary>
    public static string TooLong(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"{period} is longer than the supported dates span ({Range})";
    }

    private static bool Within(long value, long bound) => value >= -bound && value <= bound;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
