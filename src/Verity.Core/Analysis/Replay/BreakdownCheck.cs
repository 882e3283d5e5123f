namespace Verity.Core.Analysis.Replay;

/// <summary>A published breakdown beside the count of the replayed items it describes.</summary>
/// <param name="Published">The published breakdown.</param>
/// <param name="Computed">The count of matching replayed items on its date.</param>
public sealed record BreakdownCheck(PublishedBreakdown Published, int Computed)
{
    /// <summary>Whether the two agree.</summary>
    public bool Matches => Published.Count == Computed;
}
