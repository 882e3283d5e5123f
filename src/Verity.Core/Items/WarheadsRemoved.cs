using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>Warheads are removed from an item.</summary>
public sealed record WarheadsRemoved(LocalDate Date, string Uid, int Count) : ItemEvent(Date, Uid)
{
    /// <inheritdoc />
    public override string Kind => "warheads-removed";

    /// <inheritdoc />
    public override Phrase Description => Wordings.WarheadsRemoved.With(Count);
}
