using System.Globalization;
using System.Resources;
using NodaTime;

namespace Verity.Reports.Languages;

/// <summary>
/// A report's words in one language: its texts from one set of resources (<c>NAME.resx</c> in English and
/// <c>NAME.&lt;code&gt;.resx</c> for each further language), its numbers and dates as the language writes them.
/// </summary>
/// <remarks>A missing text is a bug, never a blank: <see cref="Get"/> throws. A text missing in a language falls back to
/// English; the test that renders every report in every language finds it there.</remarks>
/// <param name="resources">The report's resources.</param>
/// <param name="language">The language to write in.</param>
internal sealed class ReportText(ResourceManager resources, Language language)
{
    /// <summary>The language written in.</summary>
    public Language Language { get; } = language;

    /// <summary>The core's phrases worded in the language (no treaty vocabulary: a report's phrases name measures,
    /// amounts, dates and the data's names), made once for the report.</summary>
    public PhraseText Phrases => field ??= new(Language, [], [], []);

    /// <summary>The text named <paramref name="name"/>, with <paramref name="values"/> filled in: a string as it is, a
    /// whole number in the language's digits (ungrouped, as years are: group counts with <see cref="N(long)"/>).</summary>
    /// <exception cref="InvalidOperationException">No such text.</exception>
    public string Get(string name, params object?[] values)
    {
        var text = resources.GetString(name, Language.Culture)
            ?? throw new InvalidOperationException($"no text '{name}' in {resources.BaseName}.resx");
        if (values.Length == 0)
        {
            return text;
        }

        var shown = values.Select(v => v switch
        {
            int or long => Language.Digits(Convert.ToString(v, CultureInfo.InvariantCulture)!),
            _ => v,
        }).ToArray();
        return string.Format(Language.Culture, text, shown);
    }

    /// <summary>The text named <paramref name="name"/> as HTML, encoded, with <paramref name="html"/> (HTML, such as
    /// <c>&lt;code&gt;…&lt;/code&gt;</c>) filled in as it is.</summary>
    /// <exception cref="InvalidOperationException">No such text.</exception>
    public string Html(string name, params string[] html) =>
        string.Format(Language.Culture, HtmlPage.Encode(Get(name)), html);

    /// <summary>A count, grouped and in the language's digits.</summary>
    public string N(long value) => Language.Number(value);

    /// <summary>A count rounded to a whole number, or "—" for none.</summary>
    public string N(double? value) => value is { } v ? Language.Number((long)Math.Round(v, MidpointRounding.AwayFromZero)) : "—";

    /// <summary>A date as the language writes it.</summary>
    public string D(LocalDate date) => Language.Date(date);

    /// <summary>A year, or another number not grouped, in the language's digits.</summary>
    public string Y(int year) => Language.Digits(year.ToString(CultureInfo.InvariantCulture));

    /// <summary>A share such as 0.9 as a whole percentage, as the language writes it.</summary>
    public string P(double share) => Language.Digits(share.ToString("P0", Language.Culture));
}
