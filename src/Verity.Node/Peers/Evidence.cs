using Verity.Record.Notes;

namespace Verity.Node.Peers;

/// <summary>Two checkpoints of one log, both signed by its party, that cannot both be true: the same size with
/// different roots, or a later one that does not extend the earlier. Proof that the party showed different histories.</summary>
/// <param name="Log">Whose log.</param>
/// <param name="Reason">What does not hold between them.</param>
/// <param name="First">One signed checkpoint, as received.</param>
/// <param name="Second">The other.</param>
public sealed record Evidence(string Log, string Reason, SignedNote First, SignedNote Second)
{
    /// <summary>The statement type under which a node records an alarm in its own log.</summary>
    public const string StatementType = Verity.Core.Records.StatementTypes.EquivocationAlarm;

    /// <summary>Identifies the pair, whichever came first.</summary>
    public string Key => string.Join('|', new[] { First.Text, Second.Text }.Order(StringComparer.Ordinal).Prepend(Log));
}
