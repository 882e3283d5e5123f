using System.Collections.Immutable;

namespace Verity.Record.Notes;

/// <summary>The outcome of verifying a signed note: which signatures verified, which were by unknown keys, and why it
/// failed if it did.</summary>
public sealed record NoteVerification
{
    private NoteVerification(bool isValid, string message, ImmutableArray<NoteSignature> verified, ImmutableArray<NoteSignature> unverified)
    {
        IsValid = isValid;
        Message = message;
        Verified = verified;
        Unverified = unverified;
    }

    /// <summary>True if at least one known key signed and no known key's signature failed.</summary>
    public bool IsValid { get; }

    /// <summary>What happened, naming the key.</summary>
    public string Message { get; }

    /// <summary>Signatures by known keys that verified.</summary>
    public ImmutableArray<NoteSignature> Verified { get; }

    /// <summary>Signatures by keys not among the verifiers (ignored, as the spec requires).</summary>
    public ImmutableArray<NoteSignature> Unverified { get; }

    internal static NoteVerification Valid(ImmutableArray<NoteSignature> verified, ImmutableArray<NoteSignature> unverified) =>
        new(true, $"verified by {string.Join(", ", verified.Select(s => s.KeyLabel))}", verified, unverified);

    internal static NoteVerification Failed(string message, ImmutableArray<NoteSignature> verified, ImmutableArray<NoteSignature> unverified) =>
        new(false, message, verified, unverified);

    /// <inheritdoc/>
    public override string ToString() => Message;
}
