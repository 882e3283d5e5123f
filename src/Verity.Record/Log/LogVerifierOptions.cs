namespace Verity.Record.Log;

/// <summary>What <see cref="LogVerifier"/> checks besides the Merkle hashes.</summary>
/// <param name="Statements">Parse every entry as a signed statement and check each party's sequence numbers.</param>
/// <param name="Signatures">Verify every statement's signature (needs <paramref name="Statements"/>).</param>
/// <param name="ChunkSize">Entries read per store call.</param>
public sealed record LogVerifierOptions(bool Statements = true, bool Signatures = true, int ChunkSize = 8192)
{
    /// <summary>Statements, signatures and hashes: everything.</summary>
    public static LogVerifierOptions Full { get; } = new();

    /// <summary>Hashes only: entries are opaque bytes.</summary>
    public static LogVerifierOptions HashesOnly { get; } = new(Statements: false, Signatures: false);
}
