using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Verity.Core.Loading;

/// <summary>The JSON Schema of treaty files (<c>schemas/treaty.schema.json</c>, embedded), and its errors in words.</summary>
internal static class TreatySchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(TreatySchema).Assembly.GetManifestResourceStream("Verity.Core.treaty.schema.json")
            ?? throw new InvalidOperationException("The treaty schema is not embedded in Verity.Core.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    /// <summary>The schema's text, for <c>verity treaty schema</c>.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(TreatySchema).Assembly.GetManifestResourceStream("Verity.Core.treaty.schema.json")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static void Validate(YamlDocument document, List<Diagnostic> problems)
    {
        var errors = SchemaValidator.Validate(Schema.Value, document.Root);
        var diagnostics = Flatten(errors)
            .DistinctBy(e => (e.Path, e.Message))
            .Select(e => e.AtKey ? document.AtKey(e.Path, e.Message) : document.At(e.Path, e.Message))
            .OrderBy(d => d.Line).ThenBy(d => d.Column);
        problems.AddRange(diagnostics);
    }

    private static IEnumerable<(string Path, string Message, bool AtKey)> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError { Kind: not (ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf) } nested && nested.Errors.Count > 0)
            {
                // An item of a list (or a nested schema) failed: its own errors say where and why.
                foreach (var inner in Flatten(nested.Errors.Values.SelectMany(e => e)))
                {
                    yield return inner;
                }

                continue;
            }

            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // A oneOf failed: report the branch that got furthest (fewest errors), or the kinds the value may be.
                var best = child.Errors.Values.OrderBy(e => e.Count).First();
                var allTypeErrors = child.Errors.Values.All(list => list.All(e => e.Kind is ValidationErrorKind.ObjectExpected
                    or ValidationErrorKind.ArrayExpected or ValidationErrorKind.IntegerExpected or ValidationErrorKind.StringExpected
                    or ValidationErrorKind.NotInEnumeration or ValidationErrorKind.NumberExpected));
                if (allTypeErrors)
                {
                    yield return (PathOf(error), $"{Describe(error)}{Found(error.Token)}", false);
                }
                else
                {
                    foreach (var inner in Flatten(best))
                    {
                        yield return inner;
                    }
                }

                continue;
            }

            yield return (PathOf(error), $"{Describe(error)}{Found(error.Token)}", error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed);
        }
    }

    private static string PathOf(ValidationError error)
    {
        var path = error.Token?.Path ?? error.Path?.TrimStart('#', '/') ?? string.Empty;
        return error.Kind is ValidationErrorKind.PropertyRequired or ValidationErrorKind.NoAdditionalPropertiesAllowed && error.Property is { } p
            ? error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed ? path : (path.Length == 0 ? p : $"{path}.{p}")
            : path;
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"missing required field '{error.Property}'",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown field '{error.Property}'",
        ValidationErrorKind.IntegerExpected => "expected an integer",
        ValidationErrorKind.StringExpected => "expected text",
        ValidationErrorKind.ArrayExpected => "expected a list",
        ValidationErrorKind.ObjectExpected => "expected a mapping",
        ValidationErrorKind.NumberTooSmall => $"expected at least {error.Schema?.Minimum}",
        ValidationErrorKind.TooFewItems => $"expected at least {error.Schema?.MinItems} item(s)",
        ValidationErrorKind.PatternMismatch => PatternText(error.Schema?.Pattern),
        ValidationErrorKind.StringTooShort => "expected non-empty text",
        ValidationErrorKind.NotInEnumeration => $"expected one of {string.Join(", ", (error.Schema?.Enumeration ?? []).Select(e => e?.ToString()))}",
        ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => "not any of the allowed forms",
        _ => error.Kind.ToString(),
    };

    private static string PatternText(string? pattern) => pattern switch
    {
        "^[A-Z]{2}$" => "expected a party code: two capital letters such as \"US\"",
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => "expected a date as YYYY-MM-DD",
        "^https?://" => "expected an http(s) URL",
        _ when pattern?.StartsWith("^P", StringComparison.Ordinal) == true => "expected an ISO 8601 period such as P10Y, P3M or P5D",
        _ when pattern?.StartsWith("^[a-z0-9]", StringComparison.Ordinal) == true => "expected an identifier: lower-case letters, digits, '-', '.', '(' and ')'",
        _ => $"expected text matching {pattern}",
    };

    private static string Found(JToken? token) => token switch
    {
        null => string.Empty,
        JValue { Type: JTokenType.String } v => $", found \"{v}\"",
        JValue { Type: JTokenType.Null } => ", found nothing",
        JValue v => $", found {v.ToString(Newtonsoft.Json.Formatting.None)}",
        JArray => ", found a list",
        JObject => string.Empty,
        _ => string.Empty,
    };
}
