namespace Verity.Record.Escrow;

/// <summary>What an escrow check found, with the item position and both sides where there are two.</summary>
/// <param name="Kind">The kind of finding.</param>
/// <param name="Index">The item position at fault.</param>
/// <param name="Message">What disagreed, with the numbers.</param>
public sealed record EscrowFinding(EscrowFindingKind Kind, long Index, string Message)
{
    internal static EscrowFinding Contradicts(long index, string why) =>
        new(EscrowFindingKind.ContradictsCommitment, index, $"reveal of item {index} contradicts the commitment: {why}");

    internal static EscrowFinding RevealedTwice(long index, string id, long earlier) =>
        new(EscrowFindingKind.RevealedTwice, index, $"item '{id}' revealed twice: at position {earlier} and at position {index}");

    internal static EscrowFinding Mismatch(long index, string declared, string observed) =>
        new(EscrowFindingKind.InspectionMismatch, index, $"item {index}: declared '{declared}', inspection found '{observed}'");

    /// <inheritdoc/>
    public override string ToString() => Message;
}
