using System.Collections.Immutable;
using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Verity.Core;
using Verity.Core.Inspections;
using Verity.Core.Records;
using Verity.Record.Statements;

namespace Verity.Node.Api;

/// <summary><c>POST /statements</c>: the operator submits a statement; the node signs it as the party's next one.
/// <c>POST /statements/batch</c>: many, checked in order and appended in one durable commit, all or none.</summary>
public static class StatementsApi
{
    /// <summary>The largest request body accepted, in bytes (1 MiB).</summary>
    public const int MaxRequestBytes = 1 << 20;

    /// <summary>The largest batch accepted, in bytes (16 MiB).</summary>
    public const int MaxBatchBytes = 16 << 20;

    /// <summary>The most statements in one batch.</summary>
    public const int MaxBatchStatements = 10_000;

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
        app.MapPost("/statements/batch", SubmitBatchAsync)
            .WithName("SubmitStatements")
            .WithSummary("Sign and append a batch of statements in one durable commit (operator only)")
            .WithDescription($"Body: {{\"statements\": [{{\"type\": ..., \"body\": \"<base64>\"}}, ...]}}, 1 to {MaxBatchStatements:N0} statements, at most {MaxBatchBytes:N0} bytes (else 413). Each statement is read and checked as POST /statements checks one, in order, against the record as the statements before it in the batch leave it; all are signed as the party's next statements and appended in one durable commit, or none: a problem anywhere is a 400 naming statements[i] and its field, and nothing is stored. Requires 'Authorization: Bearer <operator token>'.")
            .Accepts<StatementBatch>("application/json");
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

        Submission submission;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var (read, field, message) = Read(document.RootElement, string.Empty, log.Options.Party);
            if (read is null)
            {
                return Problem(field, message);
            }

            submission = read;
        }
        catch (JsonException e)
        {
            return Problem("$", $"malformed JSON: {e.Message}");
        }

        // Check and append as one step: the statement is checked against the record of the log's current size and
        // appended only to a log of that size; if another submission came first, it is checked again against the
        // longer log (so two submissions of one notification number cannot both be stored).
        for (var attempt = 0; ; attempt++)
        {
            long? expected = null;
            if (IsChecked(submission.Type))
            {
                // The statement must read back into the party's record, as every view will read it.
                var record = PartyCode.TryParse(log.Options.Party, out var party) ? await records.GetAsync(party, cancellationToken).ConfigureAwait(false) : null;
                if (record is null)
                {
                    return Problem("type", NotAParty(log, submission.Type));
                }

                if (await RefusalAsync(records, record, submission, cancellationToken).ConfigureAwait(false) is { } refused)
                {
                    return refused;
                }

                expected = record.Size;
            }

            try
            {
                if (await log.AppendAtAsync(submission.Type, submission.Body, expected, cancellationToken).ConfigureAwait(false) is { } appended)
                {
                    return TypedResults.Created($"/logs/{Uri.EscapeDataString(log.Options.Party)}/entries?start={appended.Index}&count=1",
                        new AppendResult(appended.Index, appended.TreeSize, appended.LeafHash.ToBase64()));
                }
            }
            catch (KeyRetiredException e)
            {
                return Retired(e);
            }

            if (attempt >= MaxCheckRetries)
            {
                return Busy();
            }
        }
    }

    private static async Task<Results<Created<BatchResult>, UnauthorizedHttpResult, ValidationProblem, ProblemHttpResult>> SubmitBatchAsync(
        HttpRequest request, PartyLog log, PartyRecords records, CancellationToken cancellationToken)
    {
        if (!IsOperator(request, log.Options.OperatorToken))
        {
            return TypedResults.Unauthorized();
        }

        var bytes = await Bodies.ReadLimitedAsync(request.Body, MaxBatchBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return TooLarge($"the request body exceeds {MaxBatchBytes:N0} bytes: submit the statements in smaller batches");
        }

        var batch = new List<Submission>();
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problem("$", $"expected a JSON object with \"statements\", found {Kind(root)}");
            }

            if (!NamesAreText(root))
            {
                return Problem("$", $"a property name: {LoneSurrogate}");
            }

            if (!root.TryGetProperty("statements", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return Problem("statements", "expected an array of statements, each {\"type\", \"body\"}");
            }

            var count = list.GetArrayLength();
            if (count == 0)
            {
                return Problem("statements", "expected at least one statement");
            }

            if (count > MaxBatchStatements)
            {
                return TooLarge($"statements: {count:N0} statements; a batch holds at most {MaxBatchStatements:N0}");
            }

            var i = 0;
            foreach (var element in list.EnumerateArray())
            {
                var (read, field, message) = Read(element, $"statements[{i}]", log.Options.Party);
                if (read is null)
                {
                    return Problem(field, message);
                }

                if (InspectionStatements.All.Contains(read.Type))
                {
                    return Problem($"statements[{i}].type", $"an {read.Type} is checked against the other party's log as well as this one: submit it alone, to POST /statements");
                }

                batch.Add(read);
                i++;
            }
        }
        catch (JsonException e)
        {
            return Problem("$", $"malformed JSON: {e.Message}");
        }

        // As one submission, for the whole batch: each statement is checked against the record as the statements
        // before it in the batch leave it (a notification number used earlier in the batch is used), all are appended
        // in one durable commit to a log of the size checked against, or none.
        var statements = batch.Select(b => (b.Type, (ReadOnlyMemory<byte>)b.Body)).ToList();
        for (var attempt = 0; ; attempt++)
        {
            var record = PartyCode.TryParse(log.Options.Party, out var party) ? await records.GetAsync(party, cancellationToken).ConfigureAwait(false) : null;
            if (record is null && batch.FindIndex(b => IsChecked(b.Type)) is var first and >= 0)
            {
                return Problem($"statements[{first}].type", NotAParty(log, batch[first].Type));
            }

            var check = record?.CheckAll(statements);
            if (check is ({ } at and >= 0, var problems, _))
            {
                return Refusal(problems, $"statements[{at}]");
            }

            long? expected = record?.Size;

            try
            {
                if (await log.AppendAllAtAsync(statements, expected, cancellationToken).ConfigureAwait(false) is { } appended)
                {
                    if (check?.Record is { } extended)
                    {
                        // The record just checked, with the batch read in, is the record of the log as it now stands:
                        // kept for the views, so that the batch is not read from the store and parsed again.
                        records.Remember(extended);
                    }

                    return TypedResults.Created($"/logs/{Uri.EscapeDataString(log.Options.Party)}/entries?start={appended.First}&count={batch.Count}",
                        new BatchResult(appended.First, batch.Count, appended.TreeSize, [.. appended.LeafHashes.Select(h => h.ToBase64())]));
                }
            }
            catch (KeyRetiredException e)
            {
                return Retired(e);
            }

            if (attempt >= MaxCheckRetries)
            {
                return Busy();
            }
        }
    }

    /// <summary>A statement read from a request: its type and its bytes.</summary>
    private sealed record Submission(string Type, byte[] Body);

    private static bool IsChecked(string type) => StatementTypes.IsCheckedAgainstRecord(type);

    // One {"type", "body"} object, as the single endpoint takes it and as each element of a batch: the submission, or
    // null with the problem (its field under prefix: "type", "statements[3].body").
    private static (Submission? Value, string Field, string Message) Read(JsonElement element, string prefix, string party)
    {
        string Field(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        static (Submission?, string, string) Fail(string field, string message) => (null, field, message);

        if (element.ValueKind != JsonValueKind.Object)
        {
            return Fail(prefix.Length == 0 ? "$" : prefix, $"expected a JSON object with \"type\" and \"body\", found {Kind(element)}");
        }

        if (!NamesAreText(element))
        {
            return Fail(prefix.Length == 0 ? "$" : prefix, $"a property name: {LoneSurrogate}");
        }

        if (!TryString(element, "type", out var type))
        {
            return Fail(Field("type"), LoneSurrogate);
        }

        if (!TryString(element, "body", out var body64))
        {
            return Fail(Field("body"), LoneSurrogate);
        }

        if (type is null)
        {
            return Fail(Field("type"), "expected a string");
        }

        if (!Statement.IsValidType(type))
        {
            return Fail(Field("type"), $"'{type}' must be 1 to 64 of a-z, 0-9, '-', '.'");
        }

        if (!StatementTypes.IsKnown(type))
        {
            return Fail(Field("type"), StatementTypes.Unknown(type));
        }

        if (body64 is null)
        {
            return Fail(Field("body"), "expected a base64 string");
        }

        byte[] body;
        try
        {
            body = Convert.FromBase64String(body64);
        }
        catch (FormatException)
        {
            return Fail(Field("body"), "not valid base64");
        }

        if (type == KeyRotation.Type)
        {
            // A rotation names the party's next key; a malformed one would make the log unverifiable.
            var probe = Statement.Create(type, party, 1, DateTimeOffset.UnixEpoch, body);
            if (!KeyRotation.TryReadNewKey(probe, out var next, out var problem))
            {
                return Fail(Field("body"), problem);
            }

            if (next.Name != party)
            {
                return Fail(Field("body"), $"the new key is named {next.Name}; a rotation of {party}'s key must name a key of {party}");
            }
        }

        return (new Submission(type, body), string.Empty, string.Empty);
    }

    // The 400 for a statement that does not read back into the record (or, for an inspection statement, does not fit
    // the inspection as the logs held here give it); null when it does.
    private static async Task<ValidationProblem?> RefusalAsync(PartyRecords records, PartyRecord record, Submission submission, CancellationToken cancellationToken)
    {
        var problems = InspectionStatements.All.Contains(submission.Type)
            ? (await records.InspectionsAsync(cancellationToken).ConfigureAwait(false)).Admit(record, submission.Type, submission.Body)
            : record.Check(submission.Type, submission.Body);
        return problems.IsEmpty ? null : Refusal(problems, string.Empty);
    }

    private static ValidationProblem Refusal(ImmutableArray<Diagnostic> problems, string prefix)
    {
        string Field(Diagnostic p) => p.Source == "statement" ? p.Path : p.Path.Length == 0 ? "body" : $"body.{p.Path}";
        string Prefixed(Diagnostic p) => prefix.Length == 0 ? Field(p) : $"{prefix}.{Field(p)}";
        var where = prefix.Length == 0 ? string.Empty : $"{prefix}: ";
        return TypedResults.ValidationProblem(
            problems.GroupBy(Prefixed).ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray()),
            detail: $"{where}{string.Join("; ", problems)}; nothing was stored");
    }

    private static string NotAParty(PartyLog log, string type) => $"{log.Options.Party} is not a party code, so its log holds no {type}";

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static ProblemHttpResult Retired(KeyRetiredException e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The node's key was retired");

    private static ProblemHttpResult Busy() =>
        TypedResults.Problem($"the log grew under {MaxCheckRetries + 1} checks in a row; nothing was stored, submit again", statusCode: StatusCodes.Status503ServiceUnavailable, title: "The log is busy");

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem($"{detail}; nothing was stored", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The batch is too large");

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

/// <summary>A batch of statements the operator submits, to be appended in order in one commit.</summary>
/// <param name="Statements">The statements, in the order they are to stand in the log.</param>
public sealed record StatementBatch(
    [property: JsonPropertyName("statements"), Description("1 to 10,000 statements, in log order")] IReadOnlyList<StatementSubmission> Statements);

/// <summary>Where a batch landed.</summary>
/// <param name="First">The first entry's index, from 0.</param>
/// <param name="Count">How many entries were appended.</param>
/// <param name="TreeSize">The log's size after the append.</param>
/// <param name="LeafHashes">Each entry's RFC 9162 leaf hash, base64, in order.</param>
public sealed record BatchResult(
    [property: JsonPropertyName("first")] long First,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("leaf_hashes")] IReadOnlyList<string> LeafHashes);

/// <summary>Where a submitted statement landed.</summary>
/// <param name="Index">The entry's index, from 0.</param>
/// <param name="TreeSize">The log's size after the append.</param>
/// <param name="LeafHash">The RFC 9162 leaf hash of the entry, base64.</param>
public sealed record AppendResult(
    [property: JsonPropertyName("index")] long Index,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("leaf_hash")] string LeafHash);
