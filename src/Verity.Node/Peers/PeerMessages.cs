using System.Text.Json.Serialization;

namespace Verity.Node.Peers;

/// <summary>A batch of a party's log pushed to a peer: entries from <c>start</c>, ending at the party's signed checkpoint.</summary>
/// <param name="Start">The index of the first entry.</param>
/// <param name="Entries">The signed statements, base64, exactly as stored.</param>
/// <param name="Checkpoint">The party's signed checkpoint of size start + entries.</param>
public sealed record PushBatch(
    [property: JsonPropertyName("start")] long Start,
    [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries,
    [property: JsonPropertyName("checkpoint")] string Checkpoint);

/// <summary>What the receiver holds after a push, with its signed receipt.</summary>
/// <param name="Log">Whose log.</param>
/// <param name="Size">The mirror's size.</param>
/// <param name="Root">Its root, base64.</param>
/// <param name="Applied">Entries newly stored.</param>
/// <param name="Duplicates">Entries already held, skipped.</param>
/// <param name="Receipt">The receiver's signed note acknowledging the checkpoint (see <see cref="Receipts"/>).</param>
public sealed record PushResult(
    [property: JsonPropertyName("log")] string Log,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("applied")] int Applied,
    [property: JsonPropertyName("duplicates")] int Duplicates,
    [property: JsonPropertyName("receipt")] string Receipt);

/// <summary>A checkpoint of a log, as gossiped.</summary>
/// <param name="Log">Whose log.</param>
/// <param name="Note">The signed checkpoint note.</param>
public sealed record GossipCheckpoint(
    [property: JsonPropertyName("log")] string Log,
    [property: JsonPropertyName("note")] string Note);

/// <summary>One gossip exchange: the sender's checkpoints; the answer carries the receiver's.</summary>
/// <param name="Checkpoints">The checkpoints the node has seen, per log.</param>
/// <param name="Alarms">How many equivocation alarms the sender holds.</param>
public sealed record GossipMessage(
    [property: JsonPropertyName("checkpoints")] IReadOnlyList<GossipCheckpoint> Checkpoints,
    [property: JsonPropertyName("alarms")] int Alarms);
