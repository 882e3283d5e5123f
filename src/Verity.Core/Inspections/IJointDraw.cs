using System.Collections.Immutable;

namespace Verity.Core.Inspections;

/// <summary>
/// The joint random draw an inspection's selection rests on (commit, reveal, seed, select), passed in by the edge:
/// it is Verity.Record's <c>JointDraw</c>, which the domain does not reference. Values are base64 as the statements
/// carry them.
/// </summary>
public interface IJointDraw
{
    /// <summary>Whether <paramref name="nonce"/> (base64) is a nonce of the draw's length whose SHA-256 is
    /// <paramref name="commitment"/> (base64), compared as bytes.</summary>
    bool Matches(string commitment, string nonce);

    /// <summary>Concludes a draw among <paramref name="parties"/>, in the agreed order.</summary>
    JointDrawOutcome Conclude(IReadOnlyList<string> parties, IReadOnlyList<(string Party, string Commitment)> commitments, IReadOnlyList<(string Party, string Nonce)> reveals);

    /// <summary>The <paramref name="count"/> positions of a list of <paramref name="size"/> the seed selects, in draw order.</summary>
    ImmutableArray<int> Choose(string seed, int size, int count);
}

/// <summary>What a joint draw gave.</summary>
/// <param name="Seed">The seed, base64; <c>null</c> when the draw is void.</param>
/// <param name="Findings">Why it is void.</param>
/// <param name="Withheld">The parties that withheld their reveal.</param>
public sealed record JointDrawOutcome(string? Seed, ImmutableArray<string> Findings, ImmutableArray<string> Withheld);
