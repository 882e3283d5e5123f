using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>An item is lost (accident, disablement beyond repair): it leaves the accounting for good.</summary>
public sealed record ItemLost(LocalDate Date, string Uid) : ItemEvent(Date, Uid)
{
    /// <inheritdoc />
    public override string Kind => "lost";

    /// <inheritdoc />
    public override Phrase Description => Wordings.Lost.With();
}
