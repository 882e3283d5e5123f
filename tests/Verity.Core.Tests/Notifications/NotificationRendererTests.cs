using Verity.Core.Notifications;
using static Verity.Core.Tests.Notifications.NotificationScenarios;

namespace Verity.Core.Tests.Notifications;

public class NotificationRendererTests
{
    /// <summary>The words the treaty's vocabulary and the event names give in each language for the values the scenarios use.</summary>
    private static readonly Dictionary<(string Language, string Value), string> Words = new()
    {
        [("en", "icbm")] = "ICBM",
        [("ru", "icbm")] = "МБР",
        [("en", "deployed")] = "deployed",
        [("ru", "deployed")] = "развёрнутый",
        [("en", "moved")] = "moved",
        [("ru", "moved")] = "перемещён",
        [("fr", "icbm")] = "ICBM",
        [("fr", "deployed")] = "déployé",
        [("fr", "moved")] = "déplacé",
        [("es", "icbm")] = "ICBM",
        [("es", "deployed")] = "desplegado",
        [("es", "moved")] = "trasladado",
        [("zh-Hans", "icbm")] = "洲际弹道导弹",
        [("zh-Hans", "deployed")] = "部署的",
        [("zh-Hans", "moved")] = "已转移",
        [("ar", "icbm")] = "صاروخ باليستي عابر للقارات",
        [("ar", "deployed")] = "منشور",
        [("ar", "moved")] = "نُقل",
        [("fa-AF", "icbm")] = "راکت بالستیک قاره‌پیما",
        [("fa-AF", "deployed")] = "مستقر",
        [("fa-AF", "moved")] = "منتقل شد",
    };

    /// <summary>New START's languages: English and Russian (authentic), and the translations made for Verity.</summary>
    private static readonly string[] Languages = ["ar", "en", "es", "fa-AF", "fr", "ru", "zh-Hans"];

    public static TheoryData<string, string> TypesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in TestData.NewStart.Notifications)
        {
            foreach (var language in Languages)
            {
                data.Add(type.Id, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesAndLanguages))]
    public void Render_EveryTypeInEveryLanguage_ContainsEveryFieldValue(string typeId, string language)
    {
        var obligation = For(typeId).Owed();
        var fields = NotificationReaderTests.Complete(obligation);

        var text = NotificationRenderer.Render(TestData.NewStart, obligation.Type, fields, language);

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        foreach (var field in obligation.Type.Fields)
        {
            var value = fields[field.Name];
            var expected = field.Type is FieldType.Kind or FieldType.Status || field.Name == "event" ? Words[(language, value)] : value;
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("fa-AF")]
    [InlineData("ar")]
    [InlineData("zh-Hans")]
    public void Render_ChangeInDataInATranslation_NoEnglishWordButTheRecordsValues(string language)
    {
        var obligation = For("change-in-data").Owed();

        var text = NotificationRenderer.Render(TestData.NewStart, obligation.Type, obligation.Fields, language);

        Assert.Contains(Words[(language, "icbm")], text, StringComparison.Ordinal);
        Assert.Contains(Words[(language, "moved")], text, StringComparison.Ordinal);
        // What is left in Latin letters is the record's own: the type, the uid, the bases.
        var latin = System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z]+").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(new HashSet<string>(["Minuteman", "III", "m1", "m", "Warren", "Malmstrom"], StringComparer.Ordinal), latin);
    }

    [Fact]
    public void Render_FieldNotInTheRecord_SaidInTheRenderingsLanguage()
    {
        var obligation = For("change-in-data").Owed();
        var fields = obligation.Fields.SetItem("from", NotificationPlan.NotInRecord);

        Assert.Contains("(ранее: нет в записи)", NotificationRenderer.Render(TestData.NewStart, obligation.Type, fields, "ru"), StringComparison.Ordinal);
        Assert.Contains("(before: not in the record)", NotificationRenderer.Render(TestData.NewStart, obligation.Type, fields, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChangeInDataInRussian_TranslatesKindStatusAndEvent()
    {
        var obligation = For("change-in-data").Owed();

        var text = NotificationRenderer.Render(TestData.NewStart, obligation.Type, obligation.Fields, "ru");

        Assert.Equal("Изменение данных: МБР Minuteman III, уникальный идентификатор m1: перемещён 2015-06-10; теперь развёрнутый, Warren (ранее: Malmstrom).", text);
    }

    [Fact]
    public void Languages_EveryType_EveryLanguageOfTheTreatyFile()
    {
        var types = TestData.NewStart.Notifications;

        Assert.Equal(10, types.Length);
        Assert.All(types, t => Assert.Equal(Languages, NotificationRenderer.Languages(t)));
    }

    [Fact]
    public void Render_LanguageWithoutTemplate_ThrowsNamingTheLanguages()
    {
        var type = TestData.NewStart.FindNotification("change-in-data")!;

        var error = Assert.Throws<ArgumentException>(() => NotificationRenderer.Render(TestData.NewStart, type, new Dictionary<string, string>(), "de"));

        Assert.Contains("'change-in-data' has no template in 'de': it has ar, en, es, fa-AF, fr, ru, zh-Hans", error.Message, StringComparison.Ordinal);
    }
}
