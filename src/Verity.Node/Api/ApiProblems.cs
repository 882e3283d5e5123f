using Microsoft.AspNetCore.Http.HttpResults;

namespace Verity.Node.Api;

/// <summary>The one shape of a 400 answer: a problem detail whose <c>errors</c> name the field.</summary>
internal static class ApiProblems
{
    /// <summary>A 400 naming <paramref name="field"/>; for a write, saying that nothing was stored.</summary>
    public static ValidationProblem Field(string field, string message, bool nothingStored) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"{field}: {message}"] },
            detail: nothingStored ? $"{field}: {message}; nothing was stored" : $"{field}: {message}");
}
