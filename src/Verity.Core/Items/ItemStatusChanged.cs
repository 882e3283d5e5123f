using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>An item's status changes, such as from deployed to non-deployed.</summary>
public sealed record ItemStatusChanged(LocalDate Date, string Uid, string Status) : ItemEvent(Date, Uid)
{
    /// <inheritdoc />
    public override string Kind => "status-changed";

    /// <inheritdoc />
    public override Phrase Description => Wordings.StatusChanged.With(PhraseValue.Status(Status));
}
