using System.Collections.Immutable;
using System.Text;
using Verity.Core.Treaties;

namespace Verity.Core.Notifications;

/// <summary>Renders a notification for people in one of the languages its type has a template for (the treaty's
/// authentic languages, and those the treaty file gives translations in).</summary>
public static class NotificationRenderer
{
    /// <summary>The ledger's events a rendering names, in the order of each language's words in <see cref="EventWords"/>.</summary>
    private static readonly string[] Events = ["produced", "deployed", "moved", "status-changed", "converted", "eliminated", "lost", "warheads-loaded", "warheads-removed"];

    // Each language's words for the events: English and Russian as the renderings have always said them; the others
    // translations made for Verity, as the treaty file's names in them are.
    private static readonly ImmutableDictionary<string, ImmutableDictionary<string, string>> EventWords =
        new Dictionary<string, string[]>
        {
            ["en"] = ["produced", "deployed", "moved", "status changed", "converted", "eliminated", "lost", "warheads loaded", "warheads removed"],
            ["ru"] = ["произведён", "развёрнут", "перемещён", "изменён статус", "переоборудован", "ликвидирован", "утрачен", "установлены боеголовки", "сняты боеголовки"],
            ["fr"] = ["produit", "déployé", "déplacé", "statut modifié", "converti", "éliminé", "perdu", "ogives chargées", "ogives retirées"],
            ["es"] = ["producido", "desplegado", "trasladado", "estado cambiado", "convertido", "eliminado", "perdido", "ojivas cargadas", "ojivas retiradas"],
            ["zh-Hans"] = ["已生产", "已部署", "已转移", "状态已变更", "已改装", "已销毁", "已丢失", "已装载弹头", "已卸除弹头"],
            ["ar"] = ["أُنتج", "نُشر", "نُقل", "تغيّرت حالته", "حُوِّل", "أُزيل", "فُقد", "حُمّلت الرؤوس الحربية", "أُزيلت الرؤوس الحربية"],
            ["fa-AF"] = ["تولید شد", "مستقر شد", "منتقل شد", "وضعیت تغییر کرد", "تبدیل شد", "حذف شد", "مفقود شد", "کلاهک‌ها نصب شد", "کلاهک‌ها برداشته شد"],
        }.ToImmutableDictionary(l => l.Key, l => Events.Zip(l.Value).ToImmutableDictionary(w => w.First, w => w.Second));

    // A field the record does not give (NotificationPlan.NotInRecord), said in the rendering's language.
    private static readonly ImmutableDictionary<string, string> NotInRecordWords = new Dictionary<string, string>
    {
        ["en"] = NotificationPlan.NotInRecord,
        ["ru"] = "нет в записи",
        ["fr"] = "absent du registre",
        ["es"] = "no consta en el registro",
        ["zh-Hans"] = "记录中没有",
        ["ar"] = "غير وارد في السجل",
        ["fa-AF"] = "در سابقه نیست",
    }.ToImmutableDictionary();

    /// <summary>The word renderings in <paramref name="language"/> give the ledger's event <paramref name="id"/>
    /// (<c>status-changed</c>: "status changed", «изменён статус»); the id itself where there is none.</summary>
    public static string EventWord(string id, string language) => EventWords.GetValueOrDefault(language)?.GetValueOrDefault(id) ?? id;

    /// <summary>The languages a type can be rendered in.</summary>
    public static IEnumerable<string> Languages(NotificationType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Templates.Keys.Order(StringComparer.Ordinal);
    }

    /// <summary>Renders the fields with the type's template for <paramref name="language"/>; kinds, statuses and event words are translated.</summary>
    /// <exception cref="ArgumentException">The type has no template in that language.</exception>
    public static string Render(Treaty treaty, NotificationType type, IReadOnlyDictionary<string, string> fields, string language)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(fields);
        if (!type.Templates.TryGetValue(language, out var template))
        {
            throw new ArgumentException($"'{type.Id}' has no template in '{language}': it has {string.Join(", ", Languages(type))}.", nameof(language));
        }

        var text = new StringBuilder(template.Length + 64);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                text.Append(template, position, template.Length - position);
                break;
            }

            text.Append(template, position, open - position);
            var name = template[(open + 1)..close];
            text.Append(Word(treaty, type.Field(name), fields.GetValueOrDefault(name) ?? "—", language));
            position = close + 1;
        }

        return text.ToString();
    }

    private static string Word(Treaty treaty, NotificationField? field, string value, string language) => field?.Type switch
    {
        _ when value == NotificationPlan.NotInRecord => NotInRecordWords.GetValueOrDefault(language) ?? value,
        FieldType.Kind => treaty.ItemKinds.FirstOrDefault(k => k.Id == value)?.NameIn(language) ?? value,
        FieldType.Status => treaty.Statuses.FirstOrDefault(s => s.Id == value)?.NameIn(language) ?? value,
        _ when field?.Name == "event" => EventWord(value, language),
        _ => value,
    };
}
