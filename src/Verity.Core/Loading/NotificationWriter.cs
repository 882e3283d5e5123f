using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Core.Loading;

/// <summary>Writes notification documents in the JSON form <see cref="NotificationReader"/> reads.</summary>
public static class NotificationWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The documents as a JSON array.</summary>
    public static string ToJson(IEnumerable<NotificationDocument> documents, Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return new JsonArray([.. documents.Select(d => (JsonNode)ToNode(d, treaty))]).ToJsonString(Indented) + "\n";
    }

    /// <summary>One document as a JSON object, indented as in the array <see cref="ToJson(IEnumerable{NotificationDocument}, Treaty)"/> writes: the body of a <c>notification</c> statement.</summary>
    public static string ToJson(NotificationDocument document, Treaty treaty) => ToNode(document, treaty).ToJsonString(Indented) + "\n";

    /// <summary>One document as a JSON object.</summary>
    public static JsonObject ToNode(NotificationDocument document, Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(treaty);
        var type = treaty.FindNotification(document.Type);
        return new JsonObject
        {
            ["type"] = document.Type,
            ["party"] = document.Party.Value,
            ["number"] = document.Number,
            ["sent"] = document.Sent.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            ["subject"] = document.Subject,
            ["triggered"] = document.Triggered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["fields"] = new JsonObject(document.Fields.Select(f => KeyValuePair.Create(
                f.Key,
                type?.Field(f.Key)?.Type == FieldType.WholeNumber && long.TryParse(f.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                    ? (JsonNode?)JsonValue.Create(n)
                    : JsonValue.Create(f.Value)))),
        };
    }
}
