using System.Collections.Immutable;

namespace Verity.Record.Escrow;

/// <summary>The verifier's side: checks every reveal against the commitment, finds items revealed twice, and compares a
/// revealed item with what an inspection found.</summary>
public static class EscrowAudit
{
    /// <summary>Checks <paramref name="reveals"/> in order; returns every finding (empty when all is consistent).</summary>
    public static ImmutableArray<EscrowFinding> Check(EscrowCommitment commitment, IEnumerable<EscrowReveal> reveals)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(reveals);
        var findings = ImmutableArray.CreateBuilder<EscrowFinding>();
        var byId = new Dictionary<string, long>(StringComparer.Ordinal);
        var byIndex = new Dictionary<long, EscrowReveal>();
        foreach (var reveal in reveals)
        {
            if (reveal.VerifyAgainst(commitment) is { } contradiction)
            {
                findings.Add(contradiction);
                continue;
            }

            if (byIndex.TryGetValue(reveal.Index, out var earlierReveal))
            {
                // The proof pins each position to one leaf: a second valid reveal of a position repeats the first.
                if (earlierReveal.Item != reveal.Item)
                {
                    findings.Add(EscrowFinding.Contradicts(reveal.Index, $"position revealed as '{earlierReveal.Item}' and as '{reveal.Item}'"));
                }

                continue;
            }

            byIndex[reveal.Index] = reveal;
            if (byId.TryGetValue(reveal.Item.Id, out var earlier))
            {
                findings.Add(EscrowFinding.RevealedTwice(reveal.Index, reveal.Item.Id, earlier));
            }
            else
            {
                byId[reveal.Item.Id] = reveal.Index;
            }
        }

        return findings.ToImmutable();
    }

    /// <summary>Compares a verified reveal with the item an inspection observed; null when they agree exactly.</summary>
    public static EscrowFinding? CompareWithInspection(EscrowReveal reveal, EscrowItem observed)
    {
        ArgumentNullException.ThrowIfNull(reveal);
        ArgumentNullException.ThrowIfNull(observed);
        return reveal.Item.Text == observed.Text ? null : EscrowFinding.Mismatch(reveal.Index, reveal.Item.Text, observed.Text);
    }
}
