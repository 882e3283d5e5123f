using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Verity.Core.Loading;

/// <summary>
/// The one JSON Schema validator the readers share. NJsonSchema's <c>JsonSchema.Validate</c> builds a new validator,
/// with its map of format validators, for every document, which cost more than validating a notification; the
/// validator holds no state between documents, so one serves every reader and thread.
/// </summary>
internal static class SchemaValidator
{
    private static readonly JsonSchemaValidator Shared = new();

    /// <summary>The errors of <paramref name="token"/> against <paramref name="schema"/>; empty when it is valid.</summary>
    public static ICollection<ValidationError> Validate(JsonSchema schema, JToken token) => Shared.Validate(token, schema);

    /// <summary>The errors of <paramref name="token"/> against <paramref name="schema"/>, each error of a sub-schema (a
    /// <c>oneOf</c>, an item's schema) in place of the error that holds it; empty when it is valid.</summary>
    public static IEnumerable<ValidationError> Errors(JsonSchema schema, JToken token) => Flatten(Validate(schema, token));

    /// <summary>The JSON path an error names, as the readers name a field: <c>missiles[2].uid</c>.</summary>
    public static string PathOf(ValidationError error) => (error?.Path ?? string.Empty).TrimStart('#', '/').Replace('/', '.');

    /// <summary>What every reader says for the kinds of error that mean the same in every document of
    /// <paramref name="what"/>; <c>null</c> for the kinds a reader words itself (numbers out of range, patterns).</summary>
    public static string? Message(ValidationError error, string what)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"missing required field '{error.Property}' of {what}",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown field '{error.Property}' for {what}",
            ValidationErrorKind.IntegerExpected => "expected a whole number",
            ValidationErrorKind.StringExpected => "expected text",
            ValidationErrorKind.NotInEnumeration => $"expected one of {string.Join(", ", (error.Schema?.Enumeration ?? []).Select(e => e?.ToString()))}",
            ValidationErrorKind.StringTooShort => "expected non-empty text",
            _ => null,
        };
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child && child.Errors.Count > 0 ? Flatten(child.Errors.Values.SelectMany(x => x)) : [e]);
}
