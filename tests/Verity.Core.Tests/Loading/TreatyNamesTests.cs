using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Core.Tests.Loading;

/// <summary>A treaty's terms in other languages (<c>names:</c>) and on what authority each language rests (<c>translations:</c>).</summary>
public class TreatyNamesTests
{
    private static readonly string[] Languages = ["ru", "fr", "es", "zh-Hans", "ar", "fa-AF"];

    private static string NewStartText() => File.ReadAllText(TestData.DataPath("treaties", "new-start.yaml"));

    [Fact]
    public void Parse_NewStart_EveryTermNamedInEveryLanguage_RussianAuthenticTheRestMadeForVerity()
    {
        var treaty = TestData.NewStart;

        Assert.Equal(new Translation(TranslationBasis.Authentic, "protocol-ru", treaty.Translations["ru"].Text), treaty.Translations["ru"]);
        Assert.All(Languages[1..], l => Assert.Equal(TranslationBasis.Verity, treaty.Translations[l].Basis));
        foreach (var language in Languages)
        {
            Assert.NotEqual(treaty.Name, treaty.NameIn(language));
            Assert.NotEqual(treaty.Title, treaty.TitleIn(language));
            Assert.All(treaty.Parties, p => Assert.NotEqual(p.Name, p.NameIn(language)));
            Assert.All(treaty.Limits, l => Assert.NotEqual(l.Name, l.NameIn(language)));
            Assert.All(treaty.Inspections.Quotas, q => Assert.True(q.Names.ContainsKey(language), $"{q.Type} has no name in {language}"));
            Assert.All(treaty.ItemKinds.Concat(treaty.Statuses), k => Assert.True(k.Translations.ContainsKey(language), $"{k.Id} has no name in {language}"));
            Assert.All(treaty.Notifications, n => Assert.True(n.Names.ContainsKey(language) && n.Templates.ContainsKey(language), $"{n.Id} has no name or rendering in {language}"));
        }

        // The authentic Russian terms of Art. II.1(b), and the English where a language is not given.
        Assert.StartsWith("Боезаряды на развёрнутых МБР", treaty.FindLimit("warheads")!.NameIn("ru"), StringComparison.Ordinal);
        Assert.Equal("ДСНВ", treaty.NameIn("ru"));
        Assert.Equal(treaty.FindLimit("warheads")!.Name, treaty.FindLimit("warheads")!.NameIn("de"));
    }

    [Fact]
    public void Parse_NamesInALanguageWithoutTranslations_OneDiagnosticWhereTheyAreFirstGiven()
    {
        var text = NewStartText().Replace("  fa-AF: { basis: verity }\n", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text, "new-start.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("parties[0].names.fa-AF: names in 'fa-AF' but no translations.fa-AF: say whether they are the treaty's authentic text (basis: authentic, with its source) or translations made for Verity (basis: verity)", $"{diagnostic.Path}: {diagnostic.Message}");
    }

    [Fact]
    public void Parse_AuthenticWithoutSource_OneDiagnostic()
    {
        var text = NewStartText().Replace("    basis: authentic\n    source: protocol-ru\n", "    basis: authentic\n", StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text, "new-start.yaml"));

        Assert.Equal("translations.ru is the treaty's authentic text: cite it with source", Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Parse_RuBesideNamesRu_OneDiagnostic_AndRuAloneIsNamesRu()
    {
        var text = NewStartText();
        var both = text.Replace("  - id: icbm\n    name: ICBM\n", "  - id: icbm\n    name: ICBM\n    ru: МБР\n", StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(both, "new-start.yaml"));

        Assert.Equal("item_kinds[0].ru: both ru and names.ru: give one (names.ru; ru is its older form)", $"{Assert.Single(error.Diagnostics).Path}: {Assert.Single(error.Diagnostics).Message}");

        // The older form alone still reads, as names.ru.
        var start = text.IndexOf("  - id: icbm\n    name: ICBM\n    names:\n", StringComparison.Ordinal);
        var end = text.IndexOf("  - id: slbm", start, StringComparison.Ordinal);
        var older = text[..start] + "  - id: icbm\n    name: ICBM\n    ru: МБР-X\n" + text[end..];
        Assert.Equal("МБР-X", TreatyReader.Parse(older, "new-start.yaml").ItemKinds.Single(k => k.Id == "icbm").NameIn("ru"));
    }
}
