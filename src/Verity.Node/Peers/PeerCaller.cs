namespace Verity.Node.Peers;

/// <summary>Who sent a peer request, as its signature established.</summary>
public static class PeerCaller
{
    /// <summary>The key under which the authenticated caller's party is kept in <see cref="HttpContext.Items"/>.</summary>
    public const string ItemKey = "verity.peer";

    /// <summary>The party of the peer that signed the request, or null (an observer, or not signed).</summary>
    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var party) ? party as string : null;
    }
}
