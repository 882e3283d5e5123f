using System.Diagnostics.CodeAnalysis;
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
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!TryOpen(note, receiver, receiverKey, out var named, out problem))
        {
            return false;
        }

        if (!named.Equals(checkpoint))
        {
            problem = $"the receipt is for another checkpoint: {Text(receiver, named).ReplaceLineEndings(" ")}";
            return false;
        }

        return true;
    }

    /// <summary>Opens <paramref name="receiver"/>'s signed receipt: the checkpoint it names, which may be later than the
    /// one pushed (a receiver that already holds more of the log acknowledges what it holds).</summary>
    public static bool TryOpen(string note, string receiver, VerifierKey receiverKey, [NotNullWhen(true)] out Checkpoint? checkpoint, [NotNullWhen(false)] out string? problem)
    {
        checkpoint = null;
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

        var prefix = $"{Header}\n{receiver}\n";
        if (!signed.Text.StartsWith(prefix, StringComparison.Ordinal))
        {
            problem = $"not a receipt of {receiver}: it does not begin \"{Header}\", then \"{receiver}\"";
            return false;
        }

        if (!Checkpoint.TryParse(signed.Text[prefix.Length..], out checkpoint, out var why))
        {
            problem = $"the receipt names no checkpoint: {why}";
            return false;
        }

        return true;
    }
}
