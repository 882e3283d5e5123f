namespace Verity.Reports.Replay;

/// <summary>What every page and table resting on the replay's synthetic item history says about it, in one line.</summary>
public static class ReplayText
{
    /// <summary>The line said wherever figures rest on the synthetic item history (the demo, replay, its report, the
    /// dashboard of the demo's nodes, exchange, notify).</summary>
    public const string Synthetic =
        "The item-level history is synthetic: the published aggregates are matched by construction of an item history "
        + "consistent with them; types, bases and splits not published are illustrative.";
}
