namespace Verity.Record.Merkle;

/// <summary>The outcome of checking a proof: valid, or a finding that says why, with both sides where there are two.</summary>
/// <remarks>Modelled on transparency-dev/merkle's <c>RootMismatchError</c>: a failed check carries the calculated and the
/// expected root so that a reader can see what disagreed. <c>default</c> is not a result; use the factories.</remarks>
public sealed record ProofVerification
{
    private ProofVerification(bool isValid, string message, Sha256Hash? calculated, Sha256Hash? expected)
    {
        IsValid = isValid;
        Message = message;
        CalculatedRoot = calculated;
        ExpectedRoot = expected;
    }

    /// <summary>True if the proof holds.</summary>
    public bool IsValid { get; }

    /// <summary>What was checked, or why it failed, with the numbers.</summary>
    public string Message { get; }

    /// <summary>The root the proof leads to, when the proof could be evaluated.</summary>
    public Sha256Hash? CalculatedRoot { get; }

    /// <summary>The root the proof was checked against.</summary>
    public Sha256Hash? ExpectedRoot { get; }

    internal static ProofVerification Valid(string what) => new(true, what, null, null);

    internal static ProofVerification Invalid(string message) => new(false, message, null, null);

    internal static ProofVerification WrongProofSize(string what, int got, int want) =>
        new(false, $"{what}: wrong proof size {got}, want {want}", null, null);

    internal static ProofVerification RootMismatch(string what, Sha256Hash calculated, Sha256Hash expected) =>
        new(false, $"{what} fails: calculated root {calculated.ToBase64()}, expected root {expected.ToBase64()}", calculated, expected);

    /// <inheritdoc/>
    public override string ToString() => Message;
}
