using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Verity.Node.Logs;
using Verity.Node.Peers;

namespace Verity.Node.Api;

/// <summary><c>/peer/…</c>: what nodes ask of each other — read any log the node holds, push a party's log, gossip
/// checkpoints — and <c>/network</c>, what the node knows of its peers.</summary>
public static class PeerApi
{
    /// <summary>The largest push accepted, in bytes (64 MiB: a batch of up to 1,000 statements).</summary>
    public const int MaxPushBytes = 64 << 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the peer endpoints on <paramref name="peer"/> (a group the caller has secured) and <c>/network</c> on <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapPeerApi(this IEndpointRouteBuilder app, RouteGroupBuilder peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        LogsApi.MapLogs(peer.MapGroup("/logs/{party}"), "ForPeer");
        peer.MapPost("/logs/{party}/entries", PushAsync).WithName("PushEntries")
            .WithSummary("Push a batch of a party's log (peers only)")
            .WithDescription("Body: {\"start\": N, \"entries\": [base64…], \"checkpoint\": \"<the party's signed checkpoint of size start+count>\"}. The batch is verified (signatures, sequence, the party's key in force, the checkpoint's root over what is held) and stored durably before the answer: 200 with the mirror's size and the receiver's signed receipt; 409 with {\"size\"} when the batch starts past the mirror's end; 422 when it contradicts what is held (an equivocation alarm is raised); 400 otherwise. Nothing is stored unless the answer is 200.")
            .Accepts<PushBatch>("application/json");
        peer.MapPost("/gossip", GossipAsync).WithName("Gossip")
            .WithSummary("Exchange the checkpoints each node has seen (peers only)")
            .WithDescription("Body: {\"checkpoints\": [{\"log\": \"RU\", \"note\": \"<signed checkpoint>\"}…], \"alarms\": n}. The answer carries this node's checkpoints in the same form. A checkpoint that contradicts another of the same log raises an equivocation alarm.")
            .Accepts<GossipMessage>("application/json");
        app.MapGet("/network", Network).WithName("GetNetwork")
            .WithSummary("The node's peers, its mirrors of their logs, and every equivocation alarm with its evidence");
        return app;
    }

    private static async Task<Results<Ok<PushResult>, Conflict<GapResult>, UnprocessableEntity<AlarmResult>, ValidationProblem, ForbidHttpResult>> PushAsync(
        [Description("The party whose log is pushed, e.g. RU")] string party, HttpRequest request, PeerNetwork network, CancellationToken cancellationToken)
    {
        var bytes = await Bodies.ReadLimitedAsync(request.Body, MaxPushBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return Problem("body", $"the request body exceeds {MaxPushBytes} bytes");
        }

        PushBatch? batch;
        try
        {
            batch = JsonSerializer.Deserialize<PushBatch>(bytes, Json);
        }
        catch (JsonException e)
        {
            return Problem("$", $"malformed JSON: {e.Message}");
        }

        if (batch is null || batch.Entries is null || batch.Checkpoint is null)
        {
            return Problem("$", "expected {\"start\", \"entries\", \"checkpoint\"}");
        }

        if (batch.Entries.Count > PeerNetwork.MaxBatchEntries)
        {
            return Problem("entries", $"{batch.Entries.Count} entries: at most {PeerNetwork.MaxBatchEntries} per batch");
        }

        var (outcome, result) = await network.ReceiveAsync(party, batch, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            MirrorOutcome.Stored => TypedResults.Ok(result!),
            MirrorOutcome.Gap gap => TypedResults.Conflict(new GapResult(gap.Size, $"{party}'s mirror ends at {gap.Size}: send from there; nothing was stored")),
            MirrorOutcome.Equivocation e => TypedResults.UnprocessableEntity(new AlarmResult(e.Evidence.Log, e.Evidence.Reason, [e.Evidence.First.ToString(), e.Evidence.Second.ToString()])),
            MirrorOutcome.Refused refused => Problem(refused.Field, refused.Message),
            _ => throw new InvalidOperationException($"unexpected outcome {outcome}"),
        };
    }

    private static async Task<Results<Ok<GossipMessage>, ValidationProblem>> GossipAsync(HttpRequest request, PeerNetwork network, CancellationToken cancellationToken)
    {
        var bytes = await Bodies.ReadLimitedAsync(request.Body, StatementsApi.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return Problem("body", $"the request body exceeds {StatementsApi.MaxRequestBytes} bytes");
        }

        GossipMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<GossipMessage>(bytes, Json);
        }
        catch (JsonException e)
        {
            return Problem("$", $"malformed JSON: {e.Message}");
        }

        if (message?.Checkpoints is null || message.Checkpoints.Any(c => c?.Log is null || c.Note is null))
        {
            return Problem("checkpoints", "expected [{\"log\", \"note\"}…]");
        }

        var caller = request.HttpContext.GetPeer();
        var from = caller.Party is { } party ? network.Peers.FirstOrDefault(p => p.Party == party.Value) : null;
        if (from is not null)
        {
            // A failure to catch up from the sender is this node's to retry in its own rounds, not the sender's error.
            _ = await network.ReceiveGossipAsync(from, message, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Ok(await network.OwnGossipAsync(cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Ok<NetworkResult>> Network(PeerNetwork network, LogDirectory logs, CancellationToken cancellationToken)
    {
        var mirrors = new List<MirrorResult>();
        foreach (var mirror in logs.Mirrors.Values.OrderBy(m => m.Peer.Party, StringComparer.Ordinal))
        {
            var size = await mirror.Log.ReadAsync(m => Task.FromResult(m.Size), cancellationToken).ConfigureAwait(false);
            mirrors.Add(new MirrorResult(mirror.Peer.Party, mirror.Peer.Url.ToString(), size, (await mirror.LatestAsync(cancellationToken).ConfigureAwait(false))?.ToString(), mirror.LastVerified));
        }

        var own = await logs.Own.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new NetworkResult(logs.Own.Options.Party, own.ToString(), mirrors,
            [.. network.Status.Select(s => new PeerResult(s.Party, s.Url.ToString(), s.LastContact, s.LastError, s.Acknowledged, s.LastReceipt))],
            [.. network.Alarms.Select(a => new AlarmResult(a.Log, a.Reason, [a.First.ToString(), a.Second.ToString()]))]));
    }

    private static ValidationProblem Problem(string field, string message) => ApiProblems.Field(field, message, nothingStored: true);
}

/// <summary>A push that starts past the mirror's end.</summary>
/// <param name="Size">The mirror's size: send from there.</param>
/// <param name="Detail">Why.</param>
public sealed record GapResult([property: JsonPropertyName("size")] long Size, [property: JsonPropertyName("detail")] string Detail);

/// <summary>An equivocation alarm and its evidence.</summary>
/// <param name="Log">Whose log.</param>
/// <param name="Reason">What does not hold.</param>
/// <param name="Checkpoints">The two signed checkpoints.</param>
public sealed record AlarmResult(
    [property: JsonPropertyName("log")] string Log,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("checkpoints")] IReadOnlyList<string> Checkpoints);

/// <summary>A mirror of a peer's log.</summary>
/// <param name="Party">Whose log.</param>
/// <param name="Url">The peer's node.</param>
/// <param name="Size">Entries held.</param>
/// <param name="Checkpoint">The party's latest signed checkpoint the mirror matches (null until one arrives after start).</param>
/// <param name="LastVerified">When it was last verified.</param>
public sealed record MirrorResult(
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("checkpoint")] string? Checkpoint,
    [property: JsonPropertyName("last_verified")] DateTimeOffset? LastVerified);

/// <summary>A peer's status.</summary>
/// <param name="Party">The peer.</param>
/// <param name="Url">Its node.</param>
/// <param name="LastContact">When a request to it last succeeded.</param>
/// <param name="LastError">The first failure of the last round with the peer, shown as it happens; null once a whole round with it succeeds.</param>
/// <param name="Acknowledged">How much of this node's log it has acknowledged.</param>
/// <param name="Receipt">Its last signed receipt.</param>
public sealed record PeerResult(
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("last_contact")] DateTimeOffset? LastContact,
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: JsonPropertyName("acknowledged")] long Acknowledged,
    [property: JsonPropertyName("receipt")] string? Receipt);

/// <summary>The node's view of the network.</summary>
/// <param name="Party">This node's party.</param>
/// <param name="Checkpoint">Its own log's checkpoint, signed now.</param>
/// <param name="Mirrors">Its mirrors.</param>
/// <param name="Peers">Its peers' status.</param>
/// <param name="Alarms">Every equivocation alarm, with evidence.</param>
public sealed record NetworkResult(
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("checkpoint")] string Checkpoint,
    [property: JsonPropertyName("mirrors")] IReadOnlyList<MirrorResult> Mirrors,
    [property: JsonPropertyName("peers")] IReadOnlyList<PeerResult> Peers,
    [property: JsonPropertyName("alarms")] IReadOnlyList<AlarmResult> Alarms);
