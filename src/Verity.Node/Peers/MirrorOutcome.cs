using Verity.Record.Merkle;
using Verity.Record.Notes;

namespace Verity.Node.Peers;

/// <summary>What became of a batch of a peer's entries offered to its mirror.</summary>
public abstract record MirrorOutcome
{
    /// <summary>Verified and durably stored (or already held: applied exactly once).</summary>
    /// <param name="Size">The mirror's size now.</param>
    /// <param name="Root">Its root.</param>
    /// <param name="Applied">Entries newly stored.</param>
    /// <param name="Duplicates">Entries already held, identical, skipped.</param>
    /// <param name="Checkpoint">The party's signed checkpoint the mirror now matches: of <paramref name="Size"/>, or of
    /// the batch's end when the mirror holds more and no checkpoint of its size (after a restart).</param>
    public sealed record Stored(long Size, Sha256Hash Root, int Applied, int Duplicates, SignedNote Checkpoint) : MirrorOutcome;

    /// <summary>The batch starts past the mirror's end: send from <paramref name="Size"/>.</summary>
    /// <param name="Size">The mirror's size.</param>
    public sealed record Gap(long Size) : MirrorOutcome;

    /// <summary>Refused, nothing stored: the batch is malformed or does not verify.</summary>
    /// <param name="Field">What is wrong: <c>checkpoint</c>, <c>entries[3]</c>, …</param>
    /// <param name="Message">Why.</param>
    public sealed record Refused(string Field, string Message) : MirrorOutcome;

    /// <summary>Refused, nothing stored, and the party has equivocated: both checkpoints are kept as evidence.</summary>
    /// <param name="Evidence">The two signed checkpoints.</param>
    public sealed record Equivocation(Evidence Evidence) : MirrorOutcome;
}
