using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Verity.Node.Logs;

namespace Verity.Node.Api;

/// <summary><c>/logs/{party}/…</c>: entries, checkpoint and proofs of every log the node holds — its own and its
/// verified mirrors of its peers' logs. The same handlers answer signed peer requests under <c>/peer/logs/{party}/…</c>.</summary>
public static class LogsApi
{
    /// <summary>The most entries one request returns.</summary>
    public const int MaxCount = 1000;

    /// <summary>Maps the log endpoints.</summary>
    public static IEndpointRouteBuilder MapLogsApi(this IEndpointRouteBuilder app)
    {
        MapLogs(app.MapGroup("/logs/{party}"), "");
        return app;
    }

    /// <summary>Maps the read endpoints of a log under <paramref name="logs"/>, with operation names suffixed by <paramref name="suffix"/>.</summary>
    public static RouteGroupBuilder MapLogs(RouteGroupBuilder logs, string suffix)
    {
        ArgumentNullException.ThrowIfNull(logs);
        logs.MapGet("/entries", EntriesAsync).WithName("GetEntries" + suffix).WithSummary("Entries of the log, as signed (base64)");
        logs.MapGet("/checkpoint", CheckpointAsync).WithName("GetCheckpoint" + suffix)
            .WithSummary("The signed checkpoint (c2sp.org/tlog-checkpoint as a c2sp.org/signed-note), text/plain: for the node's own log, signed now; for a mirror, the party's latest checkpoint it matches")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        logs.MapGet("/proofs/inclusion", InclusionAsync).WithName("GetInclusionProof" + suffix).WithSummary("RFC 9162 inclusion proof of an entry");
        logs.MapGet("/proofs/consistency", ConsistencyAsync).WithName("GetConsistencyProof" + suffix).WithSummary("RFC 9162 consistency proof between two tree sizes");
        return logs;
    }

    private static async Task<Results<Ok<EntriesResult>, NotFound<string>, ValidationProblem>> EntriesAsync(
        [Description("The party whose log, e.g. US")] string party,
        [Description("The first entry, from 0")] long? start,
        [Description($"How many entries (1 to 1000, default 100)")] int? count,
        LogDirectory logs, CancellationToken cancellationToken)
    {
        if (logs.Find(party) is not { } log)
        {
            return NotHeld(party, logs);
        }

        var first = start ?? 0;
        var wanted = count ?? 100;
        if (wanted < 1 || wanted > MaxCount)
        {
            return Problem("count", $"{wanted} is not between 1 and {MaxCount}");
        }

        return await log.ReadAsync<Results<Ok<EntriesResult>, NotFound<string>, ValidationProblem>>(async merkle =>
        {
            if (first < 0 || first > merkle.Size)
            {
                return Problem("start", $"{first} is beyond the log (size {merkle.Size})");
            }

            var n = (int)Math.Min(wanted, merkle.Size - first);
            var entries = n == 0 ? [] : await merkle.Store.ReadEntriesAsync(first, n, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new EntriesResult(merkle.Size,
                [.. entries.Select(e => new EntryResult(e.Index, Convert.ToBase64String(e.Data.Span), e.LeafHash.ToBase64()))]));
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Results<ContentHttpResult, NotFound<string>>> CheckpointAsync(
        [Description("The party whose log, e.g. US")] string party, LogDirectory logs, CancellationToken cancellationToken)
    {
        if (logs.Find(party) is not { } log)
        {
            return NotHeld(party, logs);
        }

        var note = log == logs.Own.Log ? await logs.Own.CheckpointAsync(cancellationToken).ConfigureAwait(false) : await logs.Mirrors[party].LatestAsync(cancellationToken).ConfigureAwait(false);
        return note is null
            ? TypedResults.NotFound($"no checkpoint of {party}'s log that its mirror matches has been received")
            : TypedResults.Text(note.ToString(), "text/plain; charset=utf-8");
    }

    private static async Task<Results<Ok<InclusionResult>, NotFound<string>, ValidationProblem>> InclusionAsync(
        [Description("The party whose log, e.g. US")] string party,
        [Description("The entry, from 0")] long index,
        [Description("Tree size (default: the log's size)")] long? size,
        LogDirectory logs, CancellationToken cancellationToken)
    {
        if (logs.Find(party) is not { } log)
        {
            return NotHeld(party, logs);
        }

        return await log.ReadAsync<Results<Ok<InclusionResult>, NotFound<string>, ValidationProblem>>(async merkle =>
        {
            var treeSize = size ?? merkle.Size;
            if (treeSize < 1 || treeSize > merkle.Size)
            {
                return Problem("size", $"tree size {treeSize} is beyond the log (size {merkle.Size})");
            }

            if (index < 0 || index >= treeSize)
            {
                return Problem("index", $"index {index} is beyond the tree (size {treeSize})");
            }

            var proof = await merkle.InclusionProofAsync(index, treeSize, cancellationToken).ConfigureAwait(false);
            var leafHash = (await merkle.Store.ReadHashesAsync(0, index, 1, cancellationToken).ConfigureAwait(false))[0];
            return TypedResults.Ok(new InclusionResult(index, treeSize, leafHash.ToBase64(), [.. proof.Hashes.Select(h => h.ToBase64())]));
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<ConsistencyResult>, NotFound<string>, ValidationProblem>> ConsistencyAsync(
        [Description("The party whose log, e.g. US")] string party,
        [Description("The older tree size M")] long from,
        [Description("The newer tree size N (default: the log's size)")] long? to,
        LogDirectory logs, CancellationToken cancellationToken)
    {
        if (logs.Find(party) is not { } log)
        {
            return NotHeld(party, logs);
        }

        return await log.ReadAsync<Results<Ok<ConsistencyResult>, NotFound<string>, ValidationProblem>>(async merkle =>
        {
            var second = to ?? merkle.Size;
            if (second < 0 || second > merkle.Size)
            {
                return Problem("to", $"tree size {second} is beyond the log (size {merkle.Size})");
            }

            if (from < 0 || from > second)
            {
                return Problem("from", $"tree size {from} is not between 0 and {second}");
            }

            var proof = await merkle.ConsistencyProofAsync(from, second, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new ConsistencyResult(from, second, [.. proof.Hashes.Select(h => h.ToBase64())]));
        }, cancellationToken).ConfigureAwait(false);
    }

    private static NotFound<string> NotHeld(string party, LogDirectory logs) =>
        TypedResults.NotFound($"this node holds no log of {party}: it holds {string.Join(", ", logs.Names)}");

    private static ValidationProblem Problem(string field, string message) => ApiProblems.Field(field, message, nothingStored: false);
}

/// <summary>A page of the log.</summary>
/// <param name="TreeSize">The log's size when read.</param>
/// <param name="Entries">The entries, in order.</param>
public sealed record EntriesResult(
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("entries")] IReadOnlyList<EntryResult> Entries);

/// <summary>One entry: the signed statement's bytes exactly as stored and hashed.</summary>
/// <param name="Index">The entry's index, from 0.</param>
/// <param name="Data">The signed statement, base64.</param>
/// <param name="LeafHash">The RFC 9162 leaf hash, base64.</param>
public sealed record EntryResult(
    [property: JsonPropertyName("index")] long Index,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("leaf_hash")] string LeafHash);

/// <summary>An inclusion proof, as <c>verity log prove --json</c> prints it.</summary>
/// <param name="LeafIndex">The entry.</param>
/// <param name="TreeSize">The tree size.</param>
/// <param name="LeafHash">The entry's leaf hash, base64.</param>
/// <param name="Hashes">The proof, base64.</param>
public sealed record InclusionResult(
    [property: JsonPropertyName("leaf_index")] long LeafIndex,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("leaf_hash")] string LeafHash,
    [property: JsonPropertyName("hashes")] IReadOnlyList<string> Hashes);

/// <summary>A consistency proof, as <c>verity log consistency --json</c> prints it.</summary>
/// <param name="First">The older tree size.</param>
/// <param name="Second">The newer tree size.</param>
/// <param name="Hashes">The proof, base64.</param>
public sealed record ConsistencyResult(
    [property: JsonPropertyName("first")] long First,
    [property: JsonPropertyName("second")] long Second,
    [property: JsonPropertyName("hashes")] IReadOnlyList<string> Hashes);
