using System.Diagnostics.CodeAnalysis;

namespace Verity.Record.Notes;

/// <summary>A verified checkpoint, or why a note did not yield one.</summary>
/// <param name="Checkpoint">The checkpoint, when the note verified and parsed.</param>
/// <param name="Problem">Why not, otherwise.</param>
public sealed record CheckpointOpening(Checkpoint? Checkpoint, string? Problem)
{
    /// <summary>True when <see cref="Checkpoint"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Checkpoint))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Checkpoint is not null;

    /// <summary>True when the note, or the checkpoint text it carries, does not parse: bad input rather than a
    /// checkpoint that fails to verify.</summary>
    public bool IsMalformed { get; private init; }

    internal static CheckpointOpening Malformed(string problem) => new(null, problem) { IsMalformed = true };
}
