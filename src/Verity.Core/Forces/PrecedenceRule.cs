using System.Collections.Immutable;

namespace Verity.Core.Forces;

/// <summary>
/// One rung of a precedence order: the rows it takes, by basis and, where given, by the source's host or URL prefix.
/// </summary>
/// <param name="Id">The rule's name, such as <c>fas</c>; said beside every figure it picks.</param>
/// <param name="Bases">The bases it takes; never empty.</param>
/// <param name="Hosts">Source hosts it takes (a host matches itself and its subdomains); empty for any source.</param>
/// <param name="Prefixes">Source URL prefixes it takes (for secondary outlets reporting one source); empty for any.</param>
/// <remarks>With neither hosts nor prefixes, every source of the bases matches; with either, a row matches when its source
/// matches one host or one prefix.</remarks>
public sealed record PrecedenceRule(string Id, ImmutableArray<EstimateBasis> Bases, ImmutableArray<string> Hosts, ImmutableArray<string> Prefixes)
{
    /// <summary>Whether the rule takes the row.</summary>
    public bool Matches(Estimate row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!Bases.Contains(row.Basis))
        {
            return false;
        }

        if (Hosts.IsDefaultOrEmpty && Prefixes.IsDefaultOrEmpty)
        {
            return true;
        }

        var host = Uri.TryCreate(row.Source, UriKind.Absolute, out var uri) ? uri.Host : string.Empty;
        return (!Hosts.IsDefault && Hosts.Any(h => host.Equals(h, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase)))
            || (!Prefixes.IsDefault && Prefixes.Any(p => row.Source.StartsWith(p, StringComparison.Ordinal)));
    }
}
