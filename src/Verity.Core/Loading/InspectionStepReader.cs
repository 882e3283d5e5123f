using System.Collections.Concurrent;
using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NodaTime.Text;
using Verity.Core.Inspections;

namespace Verity.Core.Loading;

/// <summary>
/// Reads the body of an inspection statement: one JSON object, checked against its type's JSON Schema (embedded from
/// <c>schemas/inspections/</c>) and against the treaty (a party of it, one of its inspection types). Bounded as every
/// JSON input is (<see cref="JsonInput"/>); any input gives a step or diagnostics naming the field.
/// </summary>
internal static class InspectionStepReader
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    // The fields whose schema gives a pattern.
    private static readonly string[] Patterned = ["inspection", "ambiguity", "inspected", "type", "arrival", "commitment", "nonce"];

    /// <summary>The JSON Schema of <paramref name="type"/>, one of <see cref="InspectionStatements.All"/>, as text.</summary>
    public static string SchemaText(string type)
    {
        using var stream = typeof(InspectionStepReader).Assembly.GetManifestResourceStream($"Verity.Core.inspections.{type}.schema.json")
            ?? throw new ArgumentException($"no schema for statement type '{type}'", nameof(type));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads <paramref name="json"/> as a statement of <paramref name="type"/>.</summary>
    /// <exception cref="InputException">The body has a problem; every problem is listed.</exception>
    public static InspectionStep Parse(string type, string json, string source, Treaties.Treaty treaty)
    {
        var root = JsonInput.Load(json, source, $"the {type} statement");
        var problems = new List<Diagnostic>();
        if (root is not JObject obj)
        {
            throw new InputException([JsonInput.At(source, root, $"expected a {type} statement (a JSON object)", string.Empty)]);
        }

        var schema = Schemas.GetOrAdd(type, t => JsonSchema.FromJsonAsync(SchemaText(t)).GetAwaiter().GetResult());
        foreach (var error in SchemaValidator.Errors(schema, obj))
        {
            problems.Add(new Diagnostic(source, error.LineNumber, error.LinePosition, SchemaValidator.PathOf(error), SchemaValidator.Message(error, type) ?? Message(error)));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        // A pattern ending in '$' also matches before a final line break: such a value would look like another.
        foreach (var name in Patterned)
        {
            if (obj[name] is JValue { Type: JTokenType.String } value && value.Value<string>()!.EndsWith('\n'))
            {
                problems.Add(JsonInput.At(source, value, $"'{name}' ends in a line break: {Pattern(name)}", name));
            }
        }

        if (obj["withheld"] is JArray withheldParties && withheldParties.Any(t => t.Value<string>()!.EndsWith('\n')))
        {
            problems.Add(JsonInput.At(source, withheldParties, "a party code ends in a line break: expected a party code, such as US", "withheld"));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var step = Read(type, obj, source, treaty, problems);
        return problems.Count > 0 || step is null ? throw new InputException(problems) : step;
    }

    private static InspectionStep? Read(string type, JObject obj, string source, Treaties.Treaty treaty, List<Diagnostic> problems)
    {
        var id = Text(obj, "inspection");
        switch (type)
        {
            case InspectionStatements.Notice:
                var inspected = Party(obj, "inspected", source, treaty, problems);
                var kind = Text(obj, "type");
                if (treaty.Inspections.Quotas.All(q => q.Type != kind))
                {
                    problems.Add(JsonInput.At(source, obj["type"]!, treaty.Inspections.Quotas.IsEmpty
                        ? $"{treaty.Name} provides for no inspections"
                        : $"unknown inspection type '{kind}': {treaty.Name} has {string.Join(", ", treaty.Inspections.Quotas.Select(q => q.Type))}", "type"));
                }

                var arrival = LocalDatePattern.Iso.Parse(Text(obj, "arrival"));
                if (!arrival.Success)
                {
                    problems.Add(JsonInput.At(source, obj["arrival"]!, "expected a date, YYYY-MM-DD", "arrival"));
                }

                return inspected is { } party && arrival.Success ? new InspectionNotice(id, party, kind, arrival.Value) : null;
            case InspectionStatements.Designation:
                return new SiteDesignation(id, Text(obj, "site"));
            case InspectionStatements.SiteInformation:
                return new SiteInformation(id, Text(obj, "site"), Counts(obj, "missiles", "warheads", source, problems));
            case InspectionStatements.Commitment:
                return new SelectionCommitment(id, Text(obj, "commitment"));
            case InspectionStatements.Reveal:
                return new SelectionReveal(id, Text(obj, "nonce"));
            case InspectionStatements.Selection:
                var selected = obj["selected"] is JArray s ? s.Select(t => t.Value<string>()!).ToImmutableArray() : [];
                var withheld = obj["withheld"] is JArray w ? w.Select((t, i) => Party(t, $"withheld[{i}]", source, treaty, problems)).OfType<PartyCode>().ToImmutableArray() : [];
                if ((obj["selected"] is null) == (obj["withheld"] is null))
                {
                    problems.Add(JsonInput.At(source, obj, "expected either 'selected' (the missiles the draw selected) or 'withheld' (the parties that withheld their reveal), not both and not neither", string.Empty));
                }

                Distinct(obj["selected"], "selected", source, problems);
                Distinct(obj["withheld"], "withheld", source, problems);
                return new MissileSelection(id, selected, withheld);
            case InspectionStatements.Result:
                var seen = obj["seen"] is JArray seenArray ? seenArray.Select(t => t.Value<string>()!).ToImmutableArray() : (ImmutableArray<string>?)null;
                Distinct(obj["seen"], "seen", source, problems);
                var bombers = Counts(obj, "bombers", "armaments", source, problems).Select(c => new BomberArmaments(c.Uid, c.Warheads)).ToImmutableArray();
                return new InspectionResult(id, Counts(obj, "counted", "warheads", source, problems), seen, bombers);
            case InspectionStatements.Report:
                return new InspectionReport(id, Text(obj, "remarks"));
            case InspectionStatements.Acknowledgement:
                return new ReportAcknowledgement(id, Text(obj, "comments"));
            case InspectionStatements.Ambiguity:
                return new InspectionAmbiguity(id, Text(obj, "ambiguity"), Text(obj, "action") == "resolved", Text(obj, "text"));
            default:
                throw new ArgumentException($"'{type}' is not an inspection statement type", nameof(type));
        }
    }

    private static string Text(JObject obj, string name) => obj[name]?.Value<string>() ?? string.Empty;

    private static PartyCode? Party(JToken token, string path, string source, Treaties.Treaty treaty, List<Diagnostic> problems)
    {
        var value = token is JObject obj ? obj[path] : token;
        var text = value?.Value<string>();
        if (PartyCode.TryParse(text, out var code) && treaty.Parties.Any(p => p.Code == code))
        {
            return code;
        }

        problems.Add(JsonInput.At(source, value ?? token, $"'{text}' is not a party of {treaty.Name}: its parties are {string.Join(", ", treaty.Parties.Select(p => p.Code))}", path));
        return null;
    }

    // The {uid, <count>} objects of an array, each uid once.
    private static ImmutableArray<MissileCount> Counts(JObject obj, string name, string count, string source, List<Diagnostic> problems)
    {
        if (obj[name] is not JArray array)
        {
            return [];
        }

        Distinct(new JArray(array.Select(e => e["uid"])), name, source, problems, array);
        return [.. array.Select(e => new MissileCount(e["uid"]!.Value<string>()!, e[count]!.Value<int>()))];
    }

    private static void Distinct(JToken? values, string name, string source, List<Diagnostic> problems, JArray? at = null)
    {
        if (values is not JArray array)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var uid = array[i]?.Value<string>() ?? string.Empty;
            if (!seen.Add(uid))
            {
                problems.Add(JsonInput.At(source, (at ?? array)[i]!, $"'{uid}' is listed twice", at is null ? $"{name}[{i}]" : $"{name}[{i}].uid"));
            }
        }
    }

    // The kinds of error the inspection statements word themselves (SchemaValidator.Message words the rest).
    private static string Message(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig => $"expected a whole number from {error.Schema?.Minimum} to {error.Schema?.Maximum}",
        ValidationErrorKind.ArrayExpected => "expected an array",
        ValidationErrorKind.ObjectExpected => "expected an object",
        ValidationErrorKind.TooManyItems => $"at most {error.Schema?.MaxItems:N0} items",
        ValidationErrorKind.TooFewItems => $"at least {error.Schema?.MinItems:N0} item",
        ValidationErrorKind.StringTooLong => $"at most {error.Schema?.MaxLength:N0} characters",
        ValidationErrorKind.PatternMismatch => Pattern(error.Property ?? error.Path ?? string.Empty),
        _ => error.Kind.ToString(),
    };

    private static string Pattern(string path) => path switch
    {
        _ when path.EndsWith("arrival", StringComparison.Ordinal) => "expected a date, YYYY-MM-DD",
        _ when path.EndsWith("commitment", StringComparison.Ordinal) || path.EndsWith("nonce", StringComparison.Ordinal) => "expected 32 bytes in base64 (44 characters ending in '=')",
        _ when path.EndsWith("inspected", StringComparison.Ordinal) || path.Contains("withheld", StringComparison.Ordinal) => "expected a party code, such as US",
        _ when path.EndsWith("type", StringComparison.Ordinal) => "expected an inspection type of a-z, 0-9 and '-', such as type-one",
        _ => "expected an identifier of 1 to 64 of A-Z, a-z, 0-9, '.', '_', '-'",
    };
}
