using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Core.Loading;

/// <summary>
/// Reads notifications provided (a JSON array of documents), each checked against its type's JSON Schema and
/// against the record: a known type, every required field of the right type, an item the party declared, a date
/// not before entry into force. One problem anywhere rejects the whole file, with the document and field named.
/// </summary>
public static class NotificationReader
{
    /// <summary>Reads and checks notification documents.</summary>
    /// <param name="json">The JSON text: an array of documents.</param>
    /// <param name="source">The file name for diagnostics.</param>
    /// <param name="treaty">The treaty whose catalogue the documents follow.</param>
    /// <param name="declared">Each party's declared uids (every item its record ever held).</param>
    /// <exception cref="InputException">Any document has a problem; nothing is returned.</exception>
    public static ImmutableArray<NotificationDocument> Parse(string json, string source, Treaty treaty, IReadOnlyDictionary<PartyCode, IReadOnlySet<string>> declared)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(declared);
        var root = JsonInput.Load(json, source, "the array of notification documents", outOfRange: WholeNumberRange);
        if (root is not JArray array)
        {
            throw new InputException(At(source, root, string.Empty, "expected a JSON array of notification documents"));
        }

        var isDeclared = IsDeclaredIn(declared);
        var problems = new List<Diagnostic>();
        var documents = ImmutableArray.CreateBuilder<NotificationDocument>();
        var numbers = new HashSet<(string, string)>();
        for (var i = 0; i < array.Count; i++)
        {
            if (problems.Count >= JsonInput.MaxNamed)
            {
                // The file is refused already; a token's path costs its index, so reading on would be quadratic.
                problems.Add(new Diagnostic(source, 0, 0, string.Empty, $"checking stopped after {problems.Count.ToString("N0", CultureInfo.InvariantCulture)} problems: documents {(i + 1).ToString("N0", CultureInfo.InvariantCulture)} to {array.Count.ToString("N0", CultureInfo.InvariantCulture)} were not checked"));
                break;
            }

            var element = array[i];
            var before = problems.Count;
            var document = Read(element, source, treaty, isDeclared, problems);
            if (document is not null && !numbers.Add((document.Party.Value, document.Number)))
            {
                problems.Add(At(source, element["number"]!, element["number"]!.Path, $"number '{document.Number}' is used twice by {document.Party}"));
            }

            if (document is not null && problems.Count == before)
            {
                documents.Add(document);
            }
        }

        return problems.Count > 0 ? throw new InputException(problems) : documents.ToImmutable();
    }

    /// <summary>
    /// Reads and checks one notification document: a JSON object, the element form of <see cref="Parse"/>'s array
    /// (what <see cref="NotificationWriter.ToJson(NotificationDocument, Treaty)"/> writes), with the same checks.
    /// </summary>
    /// <param name="json">The JSON text: one document.</param>
    /// <param name="source">What to name in diagnostics.</param>
    /// <param name="treaty">The treaty whose catalogue the document follows.</param>
    /// <param name="isDeclared">Whether a party declared an item, for every field of type uid; <c>null</c> leaves that check out.</param>
    /// <exception cref="InputException">The document has a problem; every problem is listed.</exception>
    public static NotificationDocument ParseDocument(string json, string source, Treaty treaty, Func<PartyCode, string, bool>? isDeclared)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        var root = JsonInput.Load(json, source, "the notification document", outOfRange: WholeNumberRange);
        var problems = new List<Diagnostic>();
        var document = Read(root, source, treaty, isDeclared ?? ((_, _) => true), problems);
        return problems.Count > 0 || document is null ? throw new InputException(problems) : document;
    }

    private static Func<PartyCode, string, bool> IsDeclaredIn(IReadOnlyDictionary<PartyCode, IReadOnlySet<string>> declared) =>
        (party, uid) => declared.GetValueOrDefault(party)?.Contains(uid) ?? false;

    private static NotificationDocument? Read(JToken element, string source, Treaty treaty, Func<PartyCode, string, bool> isDeclared, List<Diagnostic> problems)
    {
        var where = element.Path;
        if (element is not JObject obj)
        {
            problems.Add(At(source, element, where, "expected a notification document (a JSON object)"));
            return null;
        }

        var typeId = obj["type"]?.Type == JTokenType.String ? obj["type"]!.Value<string>()! : null;
        var type = typeId is null ? null : treaty.FindNotification(typeId);
        if (type is null)
        {
            problems.Add(At(source, obj["type"] ?? obj, where.Length == 0 ? "type" : $"{where}.type", typeId is null
                ? "missing the notification type"
                : $"unknown notification type '{typeId}': {treaty.Name} has {string.Join(", ", treaty.Notifications.Select(n => n.Id))}"));
            return null;
        }

        var before = problems.Count;
        foreach (var error in SchemaValidator.Errors(NotificationSchemas.Compile(treaty, type), obj))
        {
            // NJsonSchema gives the full path from the document's root, the element's index included.
            var path = SchemaValidator.PathOf(error);
            var message = SchemaValidator.Message(error, type.Id) ?? error.Kind switch
            {
                ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig => $"{WholeNumberExpected}, found {Token(obj, error.Path)}",
                ValidationErrorKind.PatternMismatch => error.Schema?.Pattern?.Contains('T', StringComparison.Ordinal) == true ? "expected a date and time, YYYY-MM-DDTHH:MM (GMT)" : "expected a date, YYYY-MM-DD",
                _ => error.Kind.ToString(),
            };
            problems.Add(new Diagnostic(source, error.LineNumber, error.LinePosition, path.Length > 0 ? path : where, message));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var party = PartyCode.Parse(obj["party"]!.Value<string>()!);
        var sent = ParseDateTime(obj["sent"]!, source, problems);
        var triggered = ParseDate(obj["triggered"]!, source, problems);
        var fields = ((JObject)obj["fields"]!).Properties()
            .ToImmutableSortedDictionary(p => p.Name, p => p.Value.Type == JTokenType.Integer ? p.Value.Value<long>().ToString(CultureInfo.InvariantCulture) : p.Value.Value<string>()!, StringComparer.Ordinal);
        foreach (var property in ((JObject)obj["fields"]!).Properties())
        {
            var field = type.Field(property.Name)!;
            if (field.Type == FieldType.Date)
            {
                ParseDate(property.Value, source, problems);
            }
            else if (field.Type == FieldType.DateTime)
            {
                ParseDateTime(property.Value, source, problems);
            }
            else if (field.Type == FieldType.Uid && !isDeclared(party, property.Value.Value<string>()!))
            {
                problems.Add(At(source, property.Value, property.Value.Path, $"item '{property.Value}' was never declared by {party}"));
            }
        }

        if (sent is { } s && s.Date < treaty.Dates.EntryIntoForce)
        {
            problems.Add(At(source, obj["sent"]!, obj["sent"]!.Path, $"dated {s:yyyy-MM-dd}, before entry into force on {treaty.Dates.EntryIntoForce:yyyy-MM-dd}"));
        }

        return sent is null || triggered is null
            ? null
            : new NotificationDocument(type.Id, party, obj["number"]!.Value<string>()!, sent.Value, obj["subject"]!.Value<string>()!, triggered.Value, fields);
    }

    /// <summary>A number in a document's fields is a whole-number field's (no other field takes a number): its range.</summary>
    private static string? WholeNumberRange(JValue value) =>
        value.Parent is JProperty { Parent: JObject { Parent: JProperty { Name: "fields" } } } ? WholeNumberExpected : null;

    private static string WholeNumberExpected => $"expected a whole number from 0 to {NotificationSchemas.MaxWholeNumber:N0}";

    /// <summary>The value at a validation error's path, as JSON.</summary>
    private static string Token(JObject document, string? path) => document.Root.SelectToken((path ?? string.Empty).TrimStart('#', '/').Replace('/', '.'))?.ToString(Formatting.None) ?? "?";

    // A date and time to the minute, as documents give when they were sent (the pattern built once, not per document).
    private static readonly LocalDateTimePattern MinutesPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    private static LocalDate? ParseDate(JToken token, string source, List<Diagnostic> problems)
    {
        var result = LocalDatePattern.Iso.Parse(token.Value<string>()!);
        if (!result.Success)
        {
            problems.Add(At(source, token, token.Path, $"'{token}' is not a calendar date"));
            return null;
        }

        if (!SupportedDates.Contains(result.Value))
        {
            problems.Add(At(source, token, token.Path, SupportedDates.OutOfRange(result.Value)));
            return null;
        }

        return result.Value;
    }

    private static LocalDateTime? ParseDateTime(JToken token, string source, List<Diagnostic> problems)
    {
        var text = token.Value<string>()!;
        var result = (text.Length == 16 ? MinutesPattern : LocalDateTimePattern.GeneralIso).Parse(text);
        if (!result.Success)
        {
            problems.Add(At(source, token, token.Path, $"'{text}' is not a date and time"));
            return null;
        }

        if (!SupportedDates.Contains(result.Value.Date))
        {
            problems.Add(At(source, token, token.Path, SupportedDates.OutOfRange(result.Value.Date)));
            return null;
        }

        return result.Value;
    }

    private static Diagnostic At(string source, JToken token, string path, string message)
    {
        var info = (IJsonLineInfo)token;
        return new Diagnostic(source, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0, path, message);
    }
}
