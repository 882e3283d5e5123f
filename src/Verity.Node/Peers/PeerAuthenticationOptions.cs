namespace Verity.Node.Peers;

/// <summary>Limits of peer request verification.</summary>
public sealed class PeerAuthenticationOptions
{
    /// <summary>How old <c>created</c> may be; also how long a nonce is remembered. Default 300 s.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How far <c>created</c> may be in the future (the clocks of two nodes differ). Default 30 s.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body read to check its digest, in bytes; a larger one is 413. Default 16 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 16L << 20;

    /// <summary>How many nonces are remembered at most; when full of unexpired nonces, requests are 503 until some
    /// expire (a replay is never let through to make room). Default 1,000,000 (about 100 MB).</summary>
    public int ReplayCacheCapacity { get; set; } = 1_000_000;
}
