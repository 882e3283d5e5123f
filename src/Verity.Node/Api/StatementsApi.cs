using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Verity.Core;
using Verity.Core.Records;
using Verity.Record.Statements;

namespace Verity.Node.Api;

/// <summary><c>POST /statements</c>: the operator submits a statement; the node signs it as the party's next one.</summary>
public static class StatementsApi
{
    /// <summary>The largest request body accepted, in bytes (1 MiB).</summary>
    public const int MaxRequestBytes = 1 << 20;

    /// <summary>How many times a submission is checked again when another append came first, before answering 503.</summary>
    private const int MaxCheckRetries = 16;

    /// <summary>Maps the statements endpoints.</summary>
    public static IEndpointRouteBuilder MapStatementsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/statements", SubmitAsync)
            .WithName("SubmitStatement")
            .WithSummary("Sign and append a statement (operator only)")
            .WithDescription("Body: {\"type\": \"declaration\", \"body\": \"<base64>\"}. Types: declaration (a database in its canonical JSON; refused, naming type, when the treaty has no data exchange), notification (one notification document), key-rotation; each body must read back for the node's party, else 400 naming the field. The node signs the bytes as the party's next statement and appends it durably before answering 201. Requires 'Authorization: Bearer <operator token>'.")
            .Accepts<StatementSubmission>("application/json");
        return app;
    }

    private static async Task<Results<Created<AppendResult>, UnauthorizedHttpResult, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, PartyLog log, PartyRecords records, CancellationToken cancellationToken)
    {
        if (!IsOperator(request, log.Options.OperatorToken))
        {
            return TypedResults.Unauthorized();
        }

        var bytes = await Bodies.ReadLimitedAsync(request.Body, MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return Problem("body", $"the request body exceeds {MaxRequestBytes} bytes");
        }

        string? type;
        string? body64;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problem("$", $"expected a JSON object with \"type\" and \"body\", found {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            if (!NamesAreText(root))
            {
                return Problem("$", $"a property name: {LoneSurrogate}");
            }

            if (!TryString(root, "type", out type))
            {
                return Problem("type", LoneSurrogate);
            }

            if (!TryString(root, "body", out body64))
            {
                return Problem("body", LoneSurrogate);
            }
        }
        catch (JsonException e)
        {
            return Problem("$", $"malformed JSON: {e.Message}");
        }

        if (type is null)
        {
            return Problem("type", "expected a string");
        }

        if (!Statement.IsValidType(type))
        {
            return Problem("type", $"'{type}' must be 1 to 64 of a-z, 0-9, '-', '.'");
        }

        if (!StatementTypes.IsKnown(type))
        {
            return Problem("type", StatementTypes.Unknown(type));
        }

        if (body64 is null)
        {
            return Problem("body", "expected a base64 string");
        }

        byte[] body;
        try
        {
            body = Convert.FromBase64String(body64);
        }
        catch (FormatException)
        {
            return Problem("body", "not valid base64");
        }

        if (type == KeyRotation.Type)
        {
            // A rotation names the party's next key; a malformed one would make the log unverifiable.
            var probe = Statement.Create(type, log.Options.Party, 1, DateTimeOffset.UnixEpoch, body);
            if (!KeyRotation.TryReadNewKey(probe, out var next, out var problem))
            {
                return Problem("body", problem);
            }

            if (next.Name != log.Options.Party)
            {
                return Problem("body", $"the new key is named {next.Name}; a rotation of {log.Options.Party}'s key must name a key of {log.Options.Party}");
            }
        }

        // Check and append as one step: the statement is checked against the record of the log's current size and
        // appended only to a log of that size; if another submission came first, it is checked again against the
        // longer log (so two submissions of one notification number cannot both be stored).
        var checks = type is StatementTypes.Declaration or StatementTypes.Notification or StatementTypes.EquivocationAlarm;
        for (var attempt = 0; ; attempt++)
        {
            long? expected = null;
            if (checks)
            {
                // The statement must read back into the party's record, as every view will read it.
                var record = PartyCode.TryParse(log.Options.Party, out var party) ? await records.GetAsync(party, cancellationToken).ConfigureAwait(false) : null;
                if (record is null)
                {
                    return Problem("type", $"{log.Options.Party} is not a party code, so its log holds no {type}");
                }

                var problems = record.Check(type, body);
                if (!problems.IsEmpty)
                {
                    return TypedResults.ValidationProblem(
                        problems.GroupBy(p => p.Source == "statement" ? p.Path : p.Path.Length == 0 ? "body" : $"body.{p.Path}").ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray()),
                        detail: $"{string.Join("; ", problems)}; nothing was stored");
                }

                expected = record.Size;
            }

            try
            {
                if (await log.AppendAtAsync(type, body, expected, cancellationToken).ConfigureAwait(false) is { } appended)
                {
                    return TypedResults.Created($"/logs/{Uri.EscapeDataString(log.Options.Party)}/entries?start={appended.Index}&count=1",
                        new AppendResult(appended.Index, appended.TreeSize, appended.LeafHash.ToBase64()));
                }
            }
            catch (KeyRetiredException e)
            {
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The node's key was retired");
            }

            if (attempt >= MaxCheckRetries)
            {
                return TypedResults.Problem($"the log grew under {MaxCheckRetries + 1} checks in a row; nothing was stored, submit again", statusCode: StatusCodes.Status503ServiceUnavailable, title: "The log is busy");
            }
        }
    }

    private const string LoneSurrogate = "a \\u escape in the string is half of a UTF-16 surrogate pair: not text";

    // Whether every property name of the object reads as text: a name with a lone surrogate escape throws from
    // System.Text.Json's Name and from TryGetProperty's comparison with any other name.
    private static bool NamesAreText(JsonElement root)
    {
        try
        {
            foreach (var property in root.EnumerateObject())
            {
                _ = property.Name;
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // The string named, or null when absent or not a string; false when it holds a lone surrogate (System.Text.Json's
    // GetString throws InvalidOperationException for "\ud800").
    private static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        try
        {
            value = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ValidationProblem Problem(string field, string message) => ApiProblems.Field(field, message, nothingStored: true);

    private static bool IsOperator(HttpRequest request, string? token)
    {
        if (token is null)
        {
            return false;
        }

        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}

/// <summary>A statement the operator submits.</summary>
/// <param name="Type">Statement type: 1 to 64 of a-z, 0-9, '-', '.'.</param>
/// <param name="Body">The statement's bytes, base64.</param>
public sealed record StatementSubmission(
    [property: JsonPropertyName("type"), Description("Statement type: 1 to 64 of a-z, 0-9, '-', '.'")] string Type,
    [property: JsonPropertyName("body"), Description("The statement's bytes, base64")] string Body);

/// <summary>Where a submitted statement landed.</summary>
/// <param name="Index">The entry's index, from 0.</param>
/// <param name="TreeSize">The log's size after the append.</param>
/// <param name="LeafHash">The RFC 9162 leaf hash of the entry, base64.</param>
public sealed record AppendResult(
    [property: JsonPropertyName("index")] long Index,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("leaf_hash")] string LeafHash);
