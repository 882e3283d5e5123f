using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>An item moves to another location.</summary>
public sealed record ItemMoved(LocalDate Date, string Uid, string Location) : ItemEvent(Date, Uid)
{
    /// <inheritdoc />
    public override string Kind => "moved";

    /// <inheritdoc />
    public override Phrase Description => Wordings.Moved.With(Location);
}
