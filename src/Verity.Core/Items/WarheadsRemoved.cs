using NodaTime;

namespace Verity.Core.Items;

/// <summary>Warheads are removed from an item.</summary>
public sealed record WarheadsRemoved(LocalDate Date, string Uid, int Count) : ItemEvent(Date, Uid)
{
    /// <inheritdoc />
    public override string Kind => "warheads-removed";

    /// <inheritdoc />
    public override string Describe() => $"{Count} warhead(s) removed";
}
