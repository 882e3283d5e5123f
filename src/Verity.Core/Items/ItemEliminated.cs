using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>An item is eliminated: it leaves the treaty's accounting for good.</summary>
public sealed record ItemEliminated(LocalDate Date, string Uid) : ItemEvent(Date, Uid)
{
    /// <inheritdoc />
    public override string Kind => "eliminated";

    /// <inheritdoc />
    public override Phrase Description => Wordings.Eliminated.With();
}
