using System.Xml.Linq;
using NodaTime;
using Verity.Core.Analysis.Projections;
using Verity.Core.Forces;
using Verity.Core.Text;
using Verity.Core.Treaties;
using Verity.Reports.Languages;
using Verity.Reports.Tests.Replay;

namespace Verity.Reports.Tests.Languages;

/// <summary>The core's phrases worded in each language: the wording from the resources, each value as the language
/// writes it, the treaty's terms by their names in its data.</summary>
public sealed class PhraseTextTests
{
    private static readonly Language English = Verity.Reports.Languages.Languages.English;
    private static readonly Language Russian = Verity.Reports.Languages.Languages.Find("ru")!;
    private static readonly Language Chinese = Verity.Reports.Languages.Languages.Find("zh-Hans")!;
    private static readonly Language Arabic = Verity.Reports.Languages.Languages.Find("ar")!;
    private static readonly Language Dari = Verity.Reports.Languages.Languages.Find("fa-AF")!;

    private static Treaty NewStart => ReplayReportTests.NewStart.Value.Treaty;

    [Fact]
    public void EnglishResources_AreTheCoresWordings_WithTheFieldsAndSeparators()
    {
        var english = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "resources", "Languages", "PhraseStrings.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
        string[] more = ["Field_kind", "Field_type", "Field_status", "Field_location", "Separator_Semicolon", "Separator_Comma"];
        var measures = ForceMeasure.Totals.Concat(ForceMeasure.SystemPrefixes).Select(m => "Measure_" + m);
        Assert.Equal(Wordings.All.Select(w => w.Key).Concat(more).Concat(measures).Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(Wordings.All, w => Assert.Equal(w.English, english[w.Key]));
        // A measure's English is its id, as the command line writes it: a system's type fills in after the prefix.
        Assert.All(ForceMeasure.Totals, m => Assert.Equal(m, english["Measure_" + m]));
        Assert.All(ForceMeasure.SystemPrefixes, m => Assert.Equal(m + ":{0}", english["Measure_" + m]));
        Assert.Equal("; ", english["Separator_Semicolon"]);
        Assert.Equal(", ", english["Separator_Comma"]);
    }

    [Fact]
    public void EveryWording_IsInEveryLanguagesOwnResources()
    {
        foreach (var language in Verity.Reports.Languages.Languages.All)
        {
            Assert.All(Wordings.All, w => Assert.False(string.IsNullOrWhiteSpace(PhraseText.WordingIn(w.Key, language)), $"{language.Code} has no {w.Key}"));
        }

        Assert.Null(PhraseText.WordingIn("No_Such_Wording", Russian));
    }

    [Fact]
    public void English_IsTheCoresWordingWordForWord()
    {
        var phrase = Wordings.NotifiedWith.With(PhraseValue.Event("converted"), PhraseValue.List([PhraseValue.FieldValue("status", "deployed")], semicolons: false),
            Wordings.Item.With(PhraseValue.Kind("icbm"), "RS-24", PhraseValue.Status("non-deployed"), "Teykovo"), PhraseValue.List([PhraseValue.FieldValue("status", "non-deployed"), PhraseValue.FieldValue("type", "RS-24")], semicolons: false));
        Assert.Equal(phrase.English, PhraseText.For(NewStart, English).Word(phrase));
    }

    [Fact]
    public void Russian_TermsByTheTreatysNames_CountsGrouped_ChangesByTheRenderingsWords()
    {
        var words = PhraseText.For(NewStart, Russian);
        var said = words.Word(Wordings.WarheadsNotDeployed.With(1550, PhraseValue.Status("non-deployed"), PhraseValue.Kind("icbm")));
        Assert.Contains("1\u00a0550", said, StringComparison.Ordinal);
        Assert.Contains("неразвёрнутый", said, StringComparison.Ordinal);
        Assert.Contains("МБР", said, StringComparison.Ordinal);
        Assert.DoesNotContain("icbm", said, StringComparison.Ordinal);

        var ended = words.Word(Wordings.ChangedAfterEnd.With(PhraseValue.Event("moved"), Wordings.Ended.With(PhraseValue.Event("eliminated"), new LocalDate(2020, 1, 5))));
        Assert.Contains("перемещён", ended, StringComparison.Ordinal);
        Assert.Contains("ликвидирован", ended, StringComparison.Ordinal);
        Assert.Contains("05.01.2020", ended, StringComparison.Ordinal);

        var late = words.Word(Wordings.Late.With(PhraseValue.Notification("initial-database"), new LocalDateTime(2011, 3, 28, 14, 30), new LocalDateTime(2011, 3, 22, 0, 0), "Part Four"));
        Assert.Contains("Исходная база данных", late, StringComparison.Ordinal);
        Assert.Contains("28.03.2011 14:30", late, StringComparison.Ordinal);
        Assert.Contains("22.03.2011 00:00", late, StringComparison.Ordinal);

        // A field's name from the resources; a term the treaty does not name shown by its id.
        Assert.DoesNotContain("status", words.Word(Wordings.StatusDiffers.With(PhraseValue.Status("deployed"), PhraseValue.Status("no-such"))), StringComparison.Ordinal);
        Assert.Contains("no-such", words.Word(Wordings.StatusDiffers.With(PhraseValue.Status("deployed"), PhraseValue.Status("no-such"))), StringComparison.Ordinal);
        Assert.DoesNotContain("status", words.Word(Wordings.FieldValue.With(new Term(TermKind.Field, "status"), "x")), StringComparison.Ordinal);
    }

    [Fact]
    public void Dari_DatesSolarHijriWithTheGregorianBeside_NumbersInItsDigits()
    {
        var words = PhraseText.For(NewStart, Dari);
        var said = words.Word(Wordings.NoDatabase.With(new LocalDate(2025, 1, 24), new LocalDate(2025, 3, 21)));
        Assert.Contains("۵ دلو ۱۴۰۳ (\u2066۲۰۲۵-۰۱-۲۴\u2069)", said, StringComparison.Ordinal);
        Assert.Contains("۱ حمل ۱۴۰۴", said, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]", said);

        var late = words.Word(Wordings.Late.With(PhraseValue.Notification("initial-database"), new LocalDateTime(2025, 1, 24, 14, 30), new LocalDateTime(2025, 1, 22, 0, 0), "Part Four"));
        Assert.Contains("دیتابیس اولیه", late, StringComparison.Ordinal);
        Assert.Contains("۱۴:۳۰", late, StringComparison.Ordinal);
        Assert.Contains("Part Four", late, StringComparison.Ordinal); // the treaty's reference, as its English text gives it
    }

    [Fact]
    public void Arabic_CountsGroupedEntriesNot_ListsPartedByArabicCommas()
    {
        var words = PhraseText.For(NewStart, Arabic);
        var record = words.Word(Wordings.InRecordWithChanges.With("RU", new LocalDate(2019, 3, 4), new LocalDate(2018, 9, 1), PhraseValue.Entry(1234), 1234));
        Assert.Contains("١٢٣٤", record, StringComparison.Ordinal);
        Assert.Contains("١٬٢٣٤", record, StringComparison.Ordinal);

        var counts = words.Word(Wordings.CountsDiffer.With(PhraseValue.Kind("icbm-launcher"), "Teykovo",
            PhraseValue.List([Wordings.InStatus.With(3, PhraseValue.Status("deployed")), Wordings.InStatus.With(1, PhraseValue.Status("non-deployed"))], semicolons: false),
            PhraseValue.List([Wordings.InStatus.With(4, PhraseValue.Status("deployed"))], semicolons: false)));
        Assert.Contains("، ", counts, StringComparison.Ordinal);
        Assert.DoesNotContain(", ", counts, StringComparison.Ordinal);
        Assert.Contains("منصة إطلاق صواريخ باليستية عابرة للقارات", counts, StringComparison.Ordinal);
        Assert.Contains("Teykovo", counts, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_StatementsPartedByItsSemicolon()
    {
        var said = PhraseText.For(NewStart, Chinese).Word(Wordings.Statements.With(PhraseValue.List(
            [Wordings.StatusDiffers.With(PhraseValue.Status("deployed"), PhraseValue.Status("non-deployed")), Wordings.LocationDiffers.With("A", "B")], semicolons: true)));
        Assert.Contains("；", said, StringComparison.Ordinal);
        Assert.Contains("部署的", said, StringComparison.Ordinal);
        Assert.Contains("未部署的", said, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_GroupedWithTheLanguagesSeparators_SignedWhereAsked_MeasuresNamedInTheLanguage()
    {
        var model = ProjectionModel.BuiltIn(ProjectionKind.Rate) with { Rate = 1234.5, RateLow = -20, RateHigh = 2500 };
        Assert.Equal("rate: +1,234.5 a year (range -20 to 2,500)", model.Describe());

        var russian = new PhraseText(Russian, [], [], []);
        Assert.Equal("rate: +1 234,5 в год (диапазон от -20 до 2 500)", russian.Word(model.Described()).Replace('\u00a0', ' '));
        Assert.Equal("пусковые установки: DF-41", russian.Name(TermKind.Measure, "launchers:DF-41"));

        // Dari: Persian digits, its thousands and decimal separators; the model's name stays as it is typed.
        var dari = new PhraseText(Dari, [], [], []).Word(model.Described());
        Assert.StartsWith("rate: +۱٬۲۳۴٫۵ در سال", dari, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]", dari);
        Assert.Equal("ذخایر نظامی", new PhraseText(Dari, [], [], []).Name(TermKind.Measure, "stockpile"));
    }

    [Fact]
    public void Named_InTheLanguageTheDataGives_EnglishWhereItGivesNone()
    {
        var phrase = Wordings.MoreThanHolders.With(5, PhraseValue.Name("deployed icbms", [KeyValuePair.Create("ru", "развёрнутые МБР")]), "Uzhur", 4,
            PhraseValue.Name("deployed icbm launchers", [KeyValuePair.Create("ru", "развёрнутые пусковые установки МБР")]));

        Assert.Equal("Uzhur: развёрнутые МБР — 5, но развёрнутые пусковые установки МБР — 4", PhraseText.For(NewStart, Russian).Word(phrase));
        Assert.Equal("5 deployed icbms at Uzhur, but 4 deployed icbm launchers", PhraseText.For(NewStart, English).Word(phrase));
        Assert.Contains("deployed icbms", PhraseText.For(NewStart, Chinese).Word(phrase), StringComparison.Ordinal);
    }
}
