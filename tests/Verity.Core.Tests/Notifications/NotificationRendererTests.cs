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
    };

    public static TheoryData<string, string> TypesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in TestData.NewStart.Notifications)
        {
            data.Add(type.Id, "en");
            data.Add(type.Id, "ru");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesAndLanguages))]
    public void Render_EveryTypeInEachAuthenticLanguage_ContainsEveryFieldValue(string typeId, string language)
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

    [Fact]
    public void Render_ChangeInDataInRussian_TranslatesKindStatusAndEvent()
    {
        var obligation = For("change-in-data").Owed();

        var text = NotificationRenderer.Render(TestData.NewStart, obligation.Type, obligation.Fields, "ru");

        Assert.Equal("Изменение данных: МБР Minuteman III, уникальный идентификатор m1: перемещён 2015-06-10; теперь развёрнутый, Warren (ранее: Malmstrom).", text);
    }

    [Fact]
    public void Languages_EveryType_EnglishAndRussian()
    {
        var types = TestData.NewStart.Notifications;

        Assert.Equal(10, types.Length);
        Assert.All(types, t => Assert.Equal(["en", "ru"], NotificationRenderer.Languages(t)));
    }

    [Fact]
    public void Render_LanguageWithoutTemplate_ThrowsNamingTheLanguages()
    {
        var type = TestData.NewStart.FindNotification("change-in-data")!;

        var error = Assert.Throws<ArgumentException>(() => NotificationRenderer.Render(TestData.NewStart, type, new Dictionary<string, string>(), "fr"));

        Assert.Contains("'change-in-data' has no template in 'fr': it has en, ru", error.Message, StringComparison.Ordinal);
    }
}
