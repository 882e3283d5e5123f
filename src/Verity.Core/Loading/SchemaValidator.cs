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
}
