using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Verity.Reports.Replay;
using Verity.Reports.Tests.Replay;
using Verity.Reports.Tests.Successor;
using Known = Verity.Reports.Languages.Languages;

namespace Verity.Reports.Tests.Languages;

/// <summary>
/// Nothing left untranslated: every report rendered in every language holds no phrase of its English resources outside
/// the passages marked <c>lang="en"</c>, every language's resources hold every English text with the same values to fill
/// in, and Arabic and Dari pages are right to left.
/// </summary>
public sealed partial class ReportLanguagesTests
{
    /// <summary>Every set of resources a page or a report is written from, by its English file.</summary>
    public static TheoryData<string> ResourceSets { get; } = new()
    {
        "Dashboard/Strings",
        "Replay/ReplayStrings",
        "Successor/SuccessorStrings",
        "Languages/PhraseStrings",
    };

    public static TheoryData<string> Translations { get; } = new(Known.All.Where(l => l.Code != "en").Select(l => l.Code));

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Resources_EveryLanguage_HoldsEveryEnglishTextWithTheSameValuesToFillIn(string set)
    {
        var english = Read(set, null);
        foreach (var language in Known.All.Where(l => l.Code != "en"))
        {
            var translated = Read(set, language.Code);
            Assert.True(english.Keys.Order(StringComparer.Ordinal).SequenceEqual(translated.Keys.Order(StringComparer.Ordinal)),
                $"{set}.{language.Code}.resx: missing {string.Join(", ", english.Keys.Except(translated.Keys))}; not in English {string.Join(", ", translated.Keys.Except(english.Keys))}");
            foreach (var (key, value) in english)
            {
                Assert.True(Placeholders(value).SequenceEqual(Placeholders(translated[key])), $"{set}.{language.Code}.resx: {key} fills in {string.Join(" ", Placeholders(translated[key]))}, English {string.Join(" ", Placeholders(value))}");
                Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{set}.{language.Code}.resx: {key} is empty");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Reports_InEveryLanguage_NoEnglishResourceLeftOutsideMarkedPassages(string code)
    {
        var language = Known.Find(code)!;
        var records = ImmutableArray.Create(new RecordSummary("US", 2127, 2126, 30, 0), new RecordSummary("RU", 2654, 2654, 24, 3));
        var network = new NetworkSummary([("US", 2157, "989708adae59006e…", ["US", "RU"])], 162, 1);
        var reports = new (string Name, string Html, string[] Sets)[]
        {
            ("replay", ReplayReport.Render(ReplayReportTests.NewStart.Value, records, network, language), ["Replay/ReplayStrings"]),
            // The successor page's projections state their model and assumptions as the core's phrases.
            ("after-new-start", SuccessorReportTests.Render(language), ["Successor/SuccessorStrings", "Languages/PhraseStrings"]),
        };
        foreach (var (name, html, sets) in reports)
        {
            Assert.Contains(language.RightToLeft ? $"<html lang=\"{code}\" dir=\"rtl\">" : $"<html lang=\"{code}\">", html, StringComparison.Ordinal);
            var text = Text(html);
            var left = sets.SelectMany(Phrases).Where(f => Regex.IsMatch(text, @"(?<!\p{L})" + Regex.Escape(f) + @"(?!\p{L})")).ToList();
            Assert.True(left.Count == 0, $"English left in the {code} {name} report: {string.Join(" | ", left)}");
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Replay_InEveryLanguage_TheTreatysTermsFromItsNamesAndTheirBasisSaid(string code)
    {
        var result = ReplayReportTests.NewStart.Value;
        var treaty = result.Treaty;

        var html = ReplayReport.Render(result, language: Known.Find(code));
        var text = Text(html);

        foreach (var limit in treaty.Limits)
        {
            Assert.Contains(limit.NameIn(code), text, StringComparison.Ordinal);
            Assert.DoesNotContain(limit.Name, text, StringComparison.Ordinal);
        }

        Assert.Contains(treaty.TitleIn(code)!, text, StringComparison.Ordinal);
        Assert.All(treaty.Inspections.Quotas, q => Assert.Contains(q.Names[code], text, StringComparison.Ordinal));
        var basis = Read("Replay/ReplayStrings", code)[treaty.Translations[code].Basis == Core.Treaties.TranslationBasis.Authentic ? "Names_Authentic" : "Names_Verity"];
        Assert.Contains(basis.Split("{0}")[0].Trim(), text, StringComparison.Ordinal);
        if (treaty.Translations[code] is { Basis: Core.Treaties.TranslationBasis.Authentic, SourceId: { } source })
        {
            // The authentic text is cited by its title, as published, marked English.
            Assert.Contains($"<span lang=\"en\" dir=\"ltr\">{WebUtility.HtmlEncode(treaty.Sources.Single(s => s.Id == source).Title)}</span>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reports_InEnglish_ShowTheEnglishPhrasesTheCheckLooksFor()
    {
        // The check above could pass by finding nothing: in English the same phrases are found.
        var text = Text(ReplayReport.Render(ReplayReportTests.NewStart.Value));
        var found = Phrases("Replay/ReplayStrings").Count(f => Regex.IsMatch(text, @"(?<!\p{L})" + Regex.Escape(f) + @"(?!\p{L})"));
        Assert.True(found >= 20, $"only {found} English phrases found in the English report");
    }

    /// <summary>The page's visible text and attribute titles, without its stylesheet and without passages marked English.</summary>
    private static string Text(string html)
    {
        var page = StyleOrScript().Replace(html, string.Empty);
        page = MarkedEnglish().Replace(page, " ");
        var titles = string.Join(" ", Title().Matches(page).Select(m => m.Groups[1].Value));
        return WebUtility.HtmlDecode(Tag().Replace(page, " ") + " " + titles);
    }

    /// <summary>The English texts' phrases, split where values are filled in: those of two words or more (a word alike
    /// in two languages, such as Date or Source, is no sign of a text left untranslated), other than those written as
    /// identifiers (<c>deployed-strategic</c> is also a limit's id, shown as it is).</summary>
    private static HashSet<string> Phrases(string set) =>
        Read(set, null).Values
            .SelectMany(v => Regex.Split(v, @"\{\d\}"))
            .Select(f => f.Trim(' ', ',', '.', ':', ';', '(', ')', '—', '←', '→'))
            .Where(f => Regex.Count(f, "[A-Za-z]{3,}") >= 2 && !Identifier().IsMatch(f))
            .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> Read(string set, string? code)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "resources", set + (code is null ? string.Empty : "." + code) + ".resx");
        Assert.True(File.Exists(path), $"no resources {path}");
        return XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
    }

    // The values a text fills in: a value may be said twice in one language and once in another.
    private static List<string> Placeholders(string text) => [.. Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex("<style[^>]*>.*?</style>|<script>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex("""<(?!html\b)(\w+)[^>]*\blang="en"[^>]*>.*?</\1>""", RegexOptions.Singleline)]
    private static partial Regex MarkedEnglish();

    [GeneratedRegex("""\btitle="([^"]*)"|<title>([^<]*)</title>""")]
    private static partial Regex Title();

    [GeneratedRegex("^[a-z0-9:-]+$")]
    private static partial Regex Identifier();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
