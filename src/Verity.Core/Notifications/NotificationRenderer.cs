using System.Collections.Immutable;
using System.Text;
using Verity.Core.Treaties;

namespace Verity.Core.Notifications;

/// <summary>Renders a notification for people in one of the languages its type has a template for (the treaty's
/// authentic languages, and those the treaty file gives translations in).</summary>
public static class NotificationRenderer
{
    private static readonly ImmutableDictionary<string, ImmutableDictionary<string, string>> EventWords =
        new Dictionary<string, ImmutableDictionary<string, string>>
        {
            ["en"] = new Dictionary<string, string>
            {
                ["produced"] = "produced",
                ["deployed"] = "deployed",
                ["moved"] = "moved",
                ["status-changed"] = "status changed",
                ["converted"] = "converted",
                ["eliminated"] = "eliminated",
                ["lost"] = "lost",
                ["warheads-loaded"] = "warheads loaded",
                ["warheads-removed"] = "warheads removed",
            }.ToImmutableDictionary(),
            ["ru"] = new Dictionary<string, string>
            {
                ["produced"] = "произведён",
                ["deployed"] = "развёрнут",
                ["moved"] = "перемещён",
                ["status-changed"] = "изменён статус",
                ["converted"] = "переоборудован",
                ["eliminated"] = "ликвидирован",
                ["lost"] = "утрачен",
                ["warheads-loaded"] = "установлены боеголовки",
                ["warheads-removed"] = "сняты боеголовки",
            }.ToImmutableDictionary(),
            // Translations made for Verity, as the treaty file's names in fr are.
            ["fr"] = new Dictionary<string, string>
            {
                ["produced"] = "produit",
                ["deployed"] = "déployé",
                ["moved"] = "déplacé",
                ["status-changed"] = "statut modifié",
                ["converted"] = "converti",
                ["eliminated"] = "éliminé",
                ["lost"] = "perdu",
                ["warheads-loaded"] = "ogives chargées",
                ["warheads-removed"] = "ogives retirées",
            }.ToImmutableDictionary(),
            // Translations made for Verity, as the treaty file's names in es are.
            ["es"] = new Dictionary<string, string>
            {
                ["produced"] = "producido",
                ["deployed"] = "desplegado",
                ["moved"] = "trasladado",
                ["status-changed"] = "estado cambiado",
                ["converted"] = "convertido",
                ["eliminated"] = "eliminado",
                ["lost"] = "perdido",
                ["warheads-loaded"] = "ojivas cargadas",
                ["warheads-removed"] = "ojivas retiradas",
            }.ToImmutableDictionary(),
            // Translations made for Verity, as the treaty file's names in zh-Hans are.
            ["zh-Hans"] = new Dictionary<string, string>
            {
                ["produced"] = "已生产",
                ["deployed"] = "已部署",
                ["moved"] = "已转移",
                ["status-changed"] = "状态已变更",
                ["converted"] = "已改装",
                ["eliminated"] = "已销毁",
                ["lost"] = "已丢失",
                ["warheads-loaded"] = "已装载弹头",
                ["warheads-removed"] = "已卸除弹头",
            }.ToImmutableDictionary(),
            // Translations made for Verity, as the treaty file's names in ar are.
            ["ar"] = new Dictionary<string, string>
            {
                ["produced"] = "أُنتج",
                ["deployed"] = "نُشر",
                ["moved"] = "نُقل",
                ["status-changed"] = "تغيّر وضعه",
                ["converted"] = "حُوِّل",
                ["eliminated"] = "أُزيل",
                ["lost"] = "فُقد",
                ["warheads-loaded"] = "حُمّلت الرؤوس الحربية",
                ["warheads-removed"] = "أُزيلت الرؤوس الحربية",
            }.ToImmutableDictionary(),
            // Translations made for Verity, as the treaty file's names in fa-AF are.
            ["fa-AF"] = new Dictionary<string, string>
            {
                ["produced"] = "تولید شد",
                ["deployed"] = "مستقر شد",
                ["moved"] = "منتقل شد",
                ["status-changed"] = "وضعیت تغییر کرد",
                ["converted"] = "تبدیل شد",
                ["eliminated"] = "حذف شد",
                ["lost"] = "مفقود شد",
                ["warheads-loaded"] = "کلاهک‌ها نصب شد",
                ["warheads-removed"] = "کلاهک‌ها برداشته شد",
            }.ToImmutableDictionary(),
        }.ToImmutableDictionary();

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
        _ when field?.Name == "event" => EventWords.GetValueOrDefault(language)?.GetValueOrDefault(value) ?? value,
        _ => value,
    };
}
