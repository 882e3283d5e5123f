using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>Warheads are emplaced on an item.</summary>
public sealed record WarheadsLoaded(LocalDate Date, string Uid, int Count) : ItemEvent(Date, Uid)
{
    /// <inheritdoc />
    public override string Kind => "warheads-loaded";

    /// <inheritdoc />
    public override Phrase Description => Wordings.WarheadsLoaded.With(Count);
}
