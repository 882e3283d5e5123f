using Verity.Record.Keys;
using Verity.Record.Notes;

namespace Verity.Node.Peers;

/// <summary>The receipt a node signs for a push: a signed note whose text is <c>verity-receipt/v1</c>, the receiver's
/// party, then the text of the checkpoint of the pushed log that its mirror now matches. The sender keeps it as proof
/// that the receiver holds the log up to that size.</summary>
public static class Receipts
{
    /// <summary>The first line.</summary>
    public const string Header = "verity-receipt/v1";

    /// <summary>The receipt text for <paramref name="receiver"/> holding <paramref name="checkpoint"/>.</summary>
    public static string Text(string receiver, Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return $"{Header}\n{receiver}\n{checkpoint.ToText()}";
    }

    /// <summary>Signs a receipt.</summary>
    public static SignedNote Sign(string receiver, Checkpoint checkpoint, SigningKey key) => SignedNote.Sign(Text(receiver, checkpoint), key);

    /// <summary>Checks that <paramref name="note"/> is <paramref name="receiver"/>'s signed receipt for <paramref name="checkpoint"/>.</summary>
    public static bool Verify(string note, string receiver, Checkpoint checkpoint, VerifierKey receiverKey, out string? problem)
    {
        if (!SignedNote.TryParse(note, out var signed, out problem))
        {
            return false;
        }

        var verification = signed.Verify([receiverKey]);
        if (!verification.IsValid)
        {
            problem = verification.Message;
            return false;
        }

        if (signed.Text != Text(receiver, checkpoint))
        {
            problem = $"the receipt is for another checkpoint: {signed.Text.ReplaceLineEndings(" ")}";
            return false;
        }

        problem = null;
        return true;
    }
}
