using System.Globalization;
using NodaTime;

namespace Verity.Reports.Languages;

/// <summary>
/// A language Verity's pages are written in: its BCP 47 code, its name in itself, its direction, and how it writes
/// numbers and dates, from CLDR as .NET exposes it (ICU): the culture's digit grouping, its native digits where CLDR's
/// default numbering system for the locale is not Latin (<c>arab</c> for Arabic, <c>arabext</c> for Dari), and its
/// date pattern; Dari dates in the Solar Hijri calendar with the Afghan month names, the Gregorian date beside.
/// </summary>
/// <param name="Code">The BCP 47 code: <c>en</c>, <c>ru</c>, <c>fr</c>, <c>es</c>, <c>zh-Hans</c>, <c>ar</c>, <c>fa-AF</c>.</param>
/// <param name="Name">The language's name in itself, for the switcher.</param>
/// <param name="EnglishName">Its name in English.</param>
/// <param name="RightToLeft">Whether it is written right to left.</param>
/// <param name="NativeDigits">Whether CLDR's default numbering system for the locale uses its native digits.</param>
/// <param name="SolarHijri">Whether dates are shown in the Solar Hijri calendar (with the Gregorian date beside).</param>
public sealed record Language(string Code, string Name, string EnglishName, bool RightToLeft, bool NativeDigits, bool SolarHijri)
{
    /// <summary>The culture whose CLDR data the language's numbers and dates follow. English, whose pages write ISO dates
    /// and grouped numbers as the invariant culture does, falls back to it where .NET runs without culture data
    /// (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT</c>, or no ICU).</summary>
    /// <exception cref="CultureNotFoundException">Another language, where .NET has no culture data (see <see cref="IsAvailable"/>).</exception>
    public CultureInfo Culture
    {
        get
        {
            try
            {
                return CultureInfo.GetCultureInfo(Code);
            }
            catch (CultureNotFoundException) when (Code == "en")
            {
                return CultureInfo.InvariantCulture;
            }
        }
    }

    /// <summary>Whether .NET has the culture data to write in the language here (ICU present, globalization not invariant).</summary>
    public bool IsAvailable
    {
        get
        {
            try
            {
                return Code == "en" || CultureInfo.GetCultureInfo(Code).Name.Length > 0;
            }
            catch (CultureNotFoundException)
            {
                return false;
            }
        }
    }

    /// <summary>The CSS counter style of the language's digits, for printed page numbers: <c>decimal</c>,
    /// <c>arabic-indic</c> (٠١٢, Arabic), <c>persian</c> (۰۱۲, Dari).</summary>
    public string PageNumbers => !NativeDigits ? "decimal" : Code.StartsWith("fa", StringComparison.Ordinal) ? "persian" : "arabic-indic";

    /// <summary><c>rtl</c> or <c>ltr</c>, for the <c>dir</c> attribute.</summary>
    public string Direction => RightToLeft ? "rtl" : "ltr";

    /// <summary>A whole number as the language writes it: its grouping, its digits.</summary>
    public string Number(long value) => Digits(value.ToString("N0", Culture));

    /// <summary>
    /// A date as the language writes it: the ISO date for English (as every page and API shows it), the culture's short
    /// date elsewhere; for Dari, the Solar Hijri date with the Afghan month name (2025-01-24: ۵ دلو ۱۴۰۳) and the
    /// Gregorian date beside it, as Afghan newspapers print them, isolated left to right.
    /// </summary>
    public string Date(LocalDate date)
    {
        var day = date.ToDateTimeUnspecified();
        if (SolarHijri)
        {
            // fa-AF's calendar is the Persian (Solar Hijri) one; "MMMM" gives the Afghan month names (حمل … حوت).
            // The Gregorian date is isolated left to right (U+2066 … U+2069), so that in a right-to-left line it reads
            // year-month-day rather than being reordered around its hyphens.
            return Digits(day.ToString("d MMMM yyyy", Culture)) + " (\u2066" + Digits(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) + "\u2069)";
        }

        return Code == "en" ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Digits(day.ToString(Culture.DateTimeFormat.ShortDatePattern, Culture));
    }

    /// <summary>
    /// A date and time (GMT) as the language writes it: <see cref="Date"/> and the time as HH:mm in the language's
    /// digits; with <paramref name="keepMidnight"/> false, a time of exactly midnight is left out (a day, not a moment).
    /// </summary>
    public string DateTime(LocalDateTime moment, bool keepMidnight) => !keepMidnight && moment.TimeOfDay == LocalTime.Midnight
        ? Date(moment.Date)
        : Date(moment.Date) + " " + Digits(moment.ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary>The Latin digits of <paramref name="text"/> as the language's native digits, where it uses them.</summary>
    public string Digits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NativeDigits)
        {
            return text;
        }

        var native = Culture.NumberFormat.NativeDigits;
        return string.Create(text.Length, (text, native), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[i];
                span[i] = c is >= '0' and <= '9' ? state.native[c - '0'][0] : c;
            }
        });
    }
}
