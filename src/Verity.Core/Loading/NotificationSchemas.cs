using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Core.Loading;

/// <summary>
/// The JSON Schema of each notification type's documents, generated from the treaty's catalogue; the generated
/// schemas are kept in the repository (<c>schemas/notifications/TREATY/TYPE.schema.json</c>) and a test keeps them in step.
/// </summary>
public static class NotificationSchemas
{
    /// <summary>
    /// The largest value of a whole-number field, 2^53 − 1: the largest integer every JSON reader holds exactly
    /// (RFC 7493, I-JSON, §2.2). Whole-number fields run from 0 to this.
    /// </summary>
    public const long MaxWholeNumber = (1L << 53) - 1;

    private const string DatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private const string DateTimePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly ConcurrentDictionary<(string Treaty, string Type), NJsonSchema.JsonSchema> Compiled = new();

    /// <summary>The schema text of one type's documents.</summary>
    public static string For(Treaty treaty, NotificationType type)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(type);
        var fields = new JsonObject();
        foreach (var field in type.Fields)
        {
            fields[field.Name] = FieldSchema(treaty, field);
        }

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = $"https://verity.example/schemas/notifications/{treaty.Id}/{type.Id}.schema.json",
            ["title"] = $"{treaty.Name}: {type.Name}",
            ["description"] = type.Reference,
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("type", "party", "number", "sent", "subject", "triggered", "fields"),
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["enum"] = new JsonArray(type.Id) },
                ["party"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. treaty.Parties.Select(p => JsonValue.Create(p.Code.Value))]) },
                ["number"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                ["sent"] = new JsonObject { ["type"] = "string", ["pattern"] = DateTimePattern, ["description"] = "When provided, GMT (the date of provision is the date of receipt)." },
                ["subject"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                ["triggered"] = new JsonObject { ["type"] = "string", ["pattern"] = DatePattern },
                ["fields"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = new JsonArray([.. type.Fields.Where(f => f.Required).Select(f => JsonValue.Create(f.Name))]),
                    ["properties"] = fields,
                },
            },
        };
        return schema.ToJsonString(Indented) + "\n";
    }

    internal static NJsonSchema.JsonSchema Compile(Treaty treaty, NotificationType type) =>
        Compiled.GetOrAdd((treaty.Id + "@" + treaty.GetHashCode(), type.Id), _ => NJsonSchema.JsonSchema.FromJsonAsync(For(treaty, type)).GetAwaiter().GetResult());

    private static JsonObject FieldSchema(Treaty treaty, NotificationField field)
    {
        var schema = field.Type switch
        {
            FieldType.WholeNumber => new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = MaxWholeNumber },
            FieldType.Date => new JsonObject { ["type"] = "string", ["pattern"] = DatePattern },
            FieldType.DateTime => new JsonObject { ["type"] = "string", ["pattern"] = DateTimePattern },
            FieldType.Party => new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Z]{2}$" },
            FieldType.Kind => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. treaty.ItemKinds.Select(k => JsonValue.Create(k.Id))]) },
            FieldType.Status => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. treaty.Statuses.Select(s => JsonValue.Create(s.Id))]) },
            _ => new JsonObject { ["type"] = "string", ["minLength"] = 1 },
        };
        if (field.Text is { } text)
        {
            schema["description"] = text;
        }

        return schema;
    }
}
