using System.Collections.Immutable;
using System.Net.Http.Headers;
using Verity.Core.Text;

namespace Verity.Reports.Languages;

/// <summary>
/// The languages of Verity's pages: the six official languages of the United Nations and Dari. Which of them a page
/// is translated into is said by the page's renderer (Verity.Reports.Dashboard.DashboardRenderer.Translated).
/// </summary>
public static class Languages
{
    /// <summary>English, the default.</summary>
    public static Language English { get; } = new("en", "English", "English", RightToLeft: false, NativeDigits: false, SolarHijri: false);

    /// <summary>Every language, in the switcher's order.</summary>
    public static ImmutableArray<Language> All { get; } =
    [
        English,
        new("ru", "Русский", "Russian", RightToLeft: false, NativeDigits: false, SolarHijri: false),
        new("fr", "Français", "French", RightToLeft: false, NativeDigits: false, SolarHijri: false),
        new("es", "Español", "Spanish", RightToLeft: false, NativeDigits: false, SolarHijri: false),
        new("zh-Hans", "中文", "Chinese (Simplified)", RightToLeft: false, NativeDigits: false, SolarHijri: false),
        new("ar", "العربية", "Arabic", RightToLeft: true, NativeDigits: true, SolarHijri: false),
        new("fa-AF", "دری", "Dari", RightToLeft: true, NativeDigits: true, SolarHijri: true),
    ];

    /// <summary>The language of <paramref name="code"/> (case-insensitive; <c>zh</c>, <c>zh-CN</c>, <c>zh-Hans-CN</c> are
    /// <c>zh-Hans</c>; <c>fa</c>, <c>fa-IR</c> and <c>prs</c> are Dari; <c>ar-EG</c> is <c>ar</c>) among
    /// <paramref name="among"/>, or <c>null</c>.</summary>
    public static Language? Find(string? code, IEnumerable<Language>? among = null)
    {
        var known = among ?? All;
        var asked = code?.Trim();
        if (string.IsNullOrEmpty(asked))
        {
            return null;
        }

        // Chinese in any region or script tag is the simplified script Verity writes; Persian and Dari, Dari.
        static bool Is(string tag, string primary) => tag.Equals(primary, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(primary + "-", StringComparison.OrdinalIgnoreCase);
        var canonical = Is(asked, "zh") ? "zh-Hans" : Is(asked, "fa") || Is(asked, "prs") ? "fa-AF" : asked;
        return known.FirstOrDefault(l => l.Code.Equals(canonical, StringComparison.OrdinalIgnoreCase))
            ?? known.FirstOrDefault(l => l.Code.Length == 2 && Is(canonical, l.Code));
    }

    /// <summary>The language an <c>Accept-Language</c> header prefers among <paramref name="among"/> (by quality, then
    /// order), or <see cref="English"/> when it names none of them or does not read.</summary>
    public static Language Negotiate(string? acceptLanguage, IEnumerable<Language> among)
    {
        ArgumentNullException.ThrowIfNull(among);
        var known = among.ToList();
        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return English;
        }

        var ranked = new List<(double Quality, int Order, Language Language)>();
        var order = 0;
        foreach (var part in acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(50))
        {
            if (StringWithQualityHeaderValue.TryParse(part, out var value) && Find(value.Value, known) is { } language && (value.Quality ?? 1) > 0)
            {
                ranked.Add((value.Quality ?? 1, order++, language));
            }
        }

        return ranked.OrderByDescending(r => r.Quality).ThenBy(r => r.Order).Select(r => r.Language).FirstOrDefault() ?? English;
    }

    /// <summary>The message for a code that is not one of <paramref name="among"/>, naming them in English (the code cut
    /// at 40 characters), as the command line says it.</summary>
    public static string Unknown(string code, IEnumerable<Language> among) => Unknown(code, among, l => l.EnglishName).English;

    /// <summary>Why a code that is not one of <paramref name="among"/> is refused, naming each known language by
    /// <paramref name="name"/> (the code cut at 40 characters): a phrase, for a page to word in its language.</summary>
    public static Phrase Unknown(string code, IEnumerable<Language> among, Func<Language, string> name)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(among);
        ArgumentNullException.ThrowIfNull(name);
        return Wordings.UnknownLanguage.With(code.Length > 40 ? code[..40] + "…" : code, string.Join(", ", among.Select(l => $"{l.Code} ({name(l)})")));
    }
}
